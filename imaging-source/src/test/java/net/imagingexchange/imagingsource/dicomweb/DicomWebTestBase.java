// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import net.imagingexchange.imagingsource.testing.IngestFixture;

/** What every DICOMweb test has: the server's port, the source behind it, a temporary directory and a client. */
abstract class DicomWebTestBase {

    @LocalServerPort
    int port;

    @Autowired
    IngestFixture source;

    @TempDir
    Path dir;

    DicomWebClient client;

    @BeforeEach
    void connect() {
        client = new DicomWebClient(port);
    }
}
