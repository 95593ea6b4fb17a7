// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import net.imagingexchange.dicom.net.DicomServer;
import net.imagingexchange.dicom.testing.Dcmtk;
import net.imagingexchange.imagingsource.testing.Studies;
import net.imagingexchange.imagingsource.testing.SyntheticStudy;

/**
 * The region in one process ({@link RegionUnderTest}), publishing quickly: one Spring context shared by the test
 * classes that extend this one unchanged. The imaging source of Péronne is the consumer's one source
 * ({@code local}).
 */
@SpringBootTest(classes = RegionUnderTest.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "registry.patient-identity=OPEN",
                "registry.patient-feed-port=-1",
                "imaging-source.dicom.port=0",
                "imaging-source.dicom.bind-address=127.0.0.1",
                "imaging-source.publication.quiet-period=1s",
                "imaging-source.publication.poll-interval=100ms",
                "imaging-source.publication.first-retry=1s",
                "consumer.region.imaging-sources[0].retrieve-location-uid=" + RegionTest.PERONNE_LOCATION_UID,
                "consumer.region.imaging-sources[0].local=true",
                "consumer.region.manifest-check-interval=1s",
                "exchange.audit.enabled=false"})
@ContextConfiguration(initializers = RegionDatabases.class)
public abstract class RegionTest {

    /** imaging-source.retrieve.retrieve-location-uid by default. */
    public static final String PERONNE_LOCATION_UID = "1.3.6.1.4.1.21367.2005.13.20.1000.4.2";
    protected static final Duration LIMIT = Duration.ofSeconds(90);

    @TempDir
    protected Path dir;

    @LocalServerPort
    protected int port;

    @Autowired
    protected DicomServer imagingSourceScp;

    protected String base() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * The hospital of Péronne sends {@code study} with dcmtk's storescu and the imaging source publishes it.
     *
     * @return the files sent, normalised as dcmtk sends them (sequences of undefined length, {@code dcmconv +te}).
     */
    protected List<Path> publish(SyntheticStudy study) throws Exception {
        Path written = dir.resolve("written-" + study.studyInstanceUid());
        Path sent = dir.resolve("sent-" + study.studyInstanceUid());
        Files.createDirectories(sent);
        for (Path file : study.write(written)) {
            Dcmtk.run("dcmconv", "+te", file.toString(), sent.resolve(file.getFileName()).toString());
        }
        storescu(sent);
        new Studies(base()).awaitStatus(study.studyInstanceUid(), Studies.published(), LIMIT);
        try (var files = Files.list(sent)) {
            return files.sorted().toList();
        }
    }

    /** Péronne's PACS sends every file of {@code directory} to the imaging source (dcmtk's storescu). */
    protected void storescu(Path directory) throws Exception {
        Dcmtk.run("storescu", "-aet", "PERONNE_PACS", "-aec", "XDSI_SOURCE", "+sd", "127.0.0.1",
                Integer.toString(imagingSourceScp.port()), directory.toString());
    }
}
