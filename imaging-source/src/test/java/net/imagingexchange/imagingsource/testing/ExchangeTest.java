// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.testing;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import net.imagingexchange.dicom.net.DicomServer;

/**
 * The region in one process ({@link ExchangeUnderTest}), publishing quickly: one Spring context shared by the test
 * classes that extend this one unchanged, with its own databases and data directory ({@link TestDatabases}, which
 * outlive the class as the cached context does).
 */
@SpringBootTest(classes = ExchangeUnderTest.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "registry.patient-identity=OPEN",
                "registry.patient-feed-port=-1",
                "imaging-source.dicom.port=0",
                "imaging-source.dicom.bind-address=127.0.0.1",
                "imaging-source.publication.quiet-period=1s",
                "imaging-source.publication.poll-interval=100ms",
                "imaging-source.publication.first-retry=1s",
                "exchange.audit.enabled=false"})
@ContextConfiguration(initializers = TestDatabases.class)
public abstract class ExchangeTest {

    @TempDir
    protected Path dir;

    @LocalServerPort
    protected int port;

    @Autowired
    protected DicomServer scp;

    protected String base() {
        return "http://127.0.0.1:" + port;
    }
}
