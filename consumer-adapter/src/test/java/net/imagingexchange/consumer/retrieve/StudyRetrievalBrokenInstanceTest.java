// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * A source whose WADO-RS answer breaks off in the middle of an instance: a caller that has passed part of it on
 * (the façade's answer) must end, not go on to a copy of it from RAD-69 behind a cut-short part; a caller that
 * dropped it (a file not kept) has it asked of RAD-69 with the rest.
 */
class StudyRetrievalBrokenInstanceTest {

    private static final String STUDY = "1.2.250.1.999.76.1";
    private static final String SERIES = STUDY + ".1";
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";

    @TempDir
    Path dir;

    private HttpServer server;
    private StudyRetrieval retrieval;
    private StudyRetrieval.Scope scope;

    @BeforeEach
    void aSourceThatBreaksOffInTheSecondInstance() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/dicomweb/studies/" + STUDY + "/series/" + SERIES, exchange -> {
            var multipart = new MultipartWriter(exchange.getResponseBody());
            exchange.getResponseHeaders().add("Content-Type", multipart.contentType("application/dicom"));
            exchange.sendResponseHeaders(200, 0);
            for (int i = 1; i <= 2; i++) {
                OutputStream part = multipart.beginPart(Map.of("Content-Type",
                        "application/dicom; transfer-syntax=1.2.840.10008.1.2.1"));
                DicomWriter.writeFileHeader(part, DicomWriter.fileMeta(CT, SERIES + "." + i,
                        TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
                part.write(new byte[64 * 1024]);
            }
            exchange.close(); // no close delimiter: the second instance is cut short
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/dicomweb";
        List<StudyManifest.InstanceReference> instances = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            instances.add(new StudyManifest.InstanceReference(CT, SERIES + "." + i));
        }
        var series = new StudyManifest.SeriesReference(SERIES, "XDSI_SOURCE", "1.2.3.9", base, instances);
        var study = new RegionStudy("IDR76^^^&1.2.3&ISO", List.of(), new StudyManifest("1.2.3.4.6",
                new StudyManifest.Patient("", "", "", "", ""), new StudyManifest.Study(STUDY, "", "", "", "", "", ""),
                List.of(series)), List.of("CT"));
        // on the allow-list, without a RAD-69 endpoint
        var sources = new ImagingSources(List.of(new ConsumerProperties.ImagingSource("1.2.3.9", "",
                List.of("127.0.0.1:" + server.getAddress().getPort()), false)), () -> "http://localhost:1");
        var noAudit = new DefaultAuditContext();
        noAudit.setAuditEnabled(false);
        retrieval = new StudyRetrieval(new WadoRsClient(Duration.ofSeconds(5), Duration.ofSeconds(30)),
                new Rad69Retrieval(Duration.ofSeconds(5), Duration.ofSeconds(30), noAudit), sources,
                dir.resolve("spool"));
        scope = new StudyRetrieval.Scope(study, List.of(series), Set.of(),
                "multipart/related; type=\"application/dicom\"", TransferSyntaxes.AS_STORED);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static StudyRetrieval.Visitor reading(List<String> received) {
        return instance -> {
            try (InputStream in = instance.body()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            received.add(instance.sopInstanceUid());
        };
    }

    @Test
    void aCallerThatPassedPartOfTheInstanceOnEnds() throws Exception {
        List<String> received = new ArrayList<>();
        try (var opened = retrieval.open(scope, Optional.empty())) {
            assertThatThrownBy(() -> opened.stream(reading(received), StudyRetrieval.BrokenInstance.ABORT))
                    .isInstanceOf(IOException.class)
                    .isNotInstanceOf(SourceStream.SourceException.class)
                    .hasMessageContaining("in the middle of instance " + SERIES + ".2");
        }
        assertThat(received).containsExactly(SERIES + ".1");
    }

    @Test
    void aCallerThatDroppedTheInstanceHasItAskedOfRad69WithTheRest() throws Exception {
        List<String> received = new ArrayList<>();
        List<MissingInstance> missing;
        try (var opened = retrieval.open(scope, Optional.empty())) {
            missing = opened.stream(reading(received), StudyRetrieval.BrokenInstance.ASK_RAD69);
        }
        assertThat(received).containsExactly(SERIES + ".1");
        assertThat(missing).extracting(MissingInstance::sopInstanceUid).containsExactly(SERIES + ".2", SERIES + ".3");
        assertThat(missing).allSatisfy(m -> assertThat(m.reason()).contains("broke off")
                .contains("no RAD-69 endpoint"));
    }
}
