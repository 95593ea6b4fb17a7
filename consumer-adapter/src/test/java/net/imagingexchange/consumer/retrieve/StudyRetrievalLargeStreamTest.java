// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openehealth.ipf.commons.audit.DefaultAuditContext;

import net.imagingexchange.consumer.ConsumerProperties;
import net.imagingexchange.consumer.manifest.StudyManifest;
import net.imagingexchange.consumer.region.ImagingSources;
import net.imagingexchange.consumer.region.RegionStudy;
import net.imagingexchange.dicom.io.DicomWriter;
import net.imagingexchange.dicom.io.TransferSyntax;
import net.imagingexchange.dicom.web.MultipartWriter;

/**
 * STYLE.md Streaming: a series larger than the test JVM's heap (this runs with {@code -Xmx256m}) passes from a
 * source's WADO-RS answer to the caller instance by instance, none of them held in memory.
 */
@Tag("large-stream")
class StudyRetrievalLargeStreamTest {

    private static final long INSTANCE_BYTES = 120L * 1024 * 1024;
    private static final String STUDY = "1.2.250.1.999.75.1";
    private static final String SERIES = STUDY + ".1";
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";

    @TempDir
    Path dir;

    @Test
    void aSeriesLargerThanTheHeapStreamsThrough() throws Exception {
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/dicomweb/studies/" + STUDY + "/series/" + SERIES, exchange -> {
            var multipart = new MultipartWriter(exchange.getResponseBody());
            exchange.getResponseHeaders().add("Content-Type", multipart.contentType("application/dicom"));
            exchange.sendResponseHeaders(200, 0);
            for (int i = 1; i <= 3; i++) {
                OutputStream part = multipart.beginPart(Map.of("Content-Type",
                        "application/dicom; transfer-syntax=1.2.840.10008.1.2.1"));
                DicomWriter.writeFileHeader(part, DicomWriter.fileMeta(CT, SERIES + "." + i,
                        TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
                byte[] block = new byte[1024 * 1024];
                for (long written = 0; written < INSTANCE_BYTES; written += block.length) {
                    part.write(block);
                }
            }
            multipart.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/dicomweb";
            List<StudyManifest.InstanceReference> instances = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                instances.add(new StudyManifest.InstanceReference(CT, SERIES + "." + i));
            }
            var series = new StudyManifest.SeriesReference(SERIES, "XDSI_SOURCE", "1.2.3.9", base, instances);
            var study = new RegionStudy("IDR75^^^&1.2.3&ISO", List.of(), new StudyManifest("1.2.3.4.5",
                    new StudyManifest.Patient("", "", "", "", ""), new StudyManifest.Study(STUDY, "", "", "", "", "",
                    ""), List.of(series)), List.of("CT"));
            var sources = new ImagingSources(List.of(new ConsumerProperties.ImagingSource("1.2.3.9", "",
                    List.of("127.0.0.1:" + server.getAddress().getPort()), false)), () -> "http://localhost:1");
            var noAudit = new DefaultAuditContext();
            noAudit.setAuditEnabled(false);
            var retrieval = new StudyRetrieval(new WadoRsClient(Duration.ofSeconds(5), Duration.ofSeconds(60)),
                    new Rad69Retrieval(Duration.ofSeconds(5), Duration.ofSeconds(60), noAudit), sources,
                    dir.resolve("spool"));

            List<String> received = new ArrayList<>();
            long[] bytes = {0};
            List<MissingInstance> missing;
            var scope = new StudyRetrieval.Scope(study, List.of(series), java.util.Set.of(),
                    "multipart/related; type=\"application/dicom\"", TransferSyntaxes.AS_STORED);
            try (var opened = retrieval.open(scope, retrieval.wholeResource(scope))) {
                missing = opened.stream(instance -> {
                    received.add(instance.sopInstanceUid());
                    try (InputStream in = instance.body()) {
                        bytes[0] += in.transferTo(OutputStream.nullOutputStream());
                    }
                }, StudyRetrieval.BrokenInstance.ABORT);
            }

            assertThat(missing).isEmpty();
            assertThat(received).containsExactly(SERIES + ".1", SERIES + ".2", SERIES + ".3");
            assertThat(bytes[0]).isGreaterThan(3 * INSTANCE_BYTES).isGreaterThan(Runtime.getRuntime().maxMemory());
        } finally {
            server.stop(0);
        }
    }
}
