// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.rad69;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.util.FileSystemUtils;

import net.imagingexchange.imagingsource.testing.IngestFixture;

/** An imaging source's store, index and ingest in a temporary directory that is removed on close. */
final class SourceUnderTest implements AutoCloseable {

    /** The Retrieve Location UID the endpoint under test answers to. */
    static final String RETRIEVE_LOCATION_UID = "1.2.250.1.999.69.2";

    final Path directory;
    final IngestFixture fixture;

    SourceUnderTest() throws IOException {
        this.directory = Files.createTempDirectory("rad69-");
        this.fixture = new IngestFixture(directory.resolve("source"));
    }

    /** A fresh directory for files a test writes before sending them. */
    Path scratch(String name) throws IOException {
        return Files.createDirectories(directory.resolve("sent").resolve(name));
    }

    @Override
    public void close() throws IOException {
        fixture.close();
        FileSystemUtils.deleteRecursively(directory);
    }
}
