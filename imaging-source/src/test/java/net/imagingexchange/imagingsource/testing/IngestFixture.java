// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.openehealth.ipf.commons.audit.DefaultAuditContext;
import org.springframework.util.FileSystemUtils;

import net.imagingexchange.database.ActorDatabase;
import net.imagingexchange.database.DatabaseProperties;
import net.imagingexchange.dicom.net.StoreStatusException;
import net.imagingexchange.imagingsource.index.StudyIndex;
import net.imagingexchange.imagingsource.index.StudyLocks;
import net.imagingexchange.imagingsource.ingest.InstanceIngest;
import net.imagingexchange.imagingsource.ingest.TransferAudit;
import net.imagingexchange.imagingsource.storage.InstanceStore;
import net.imagingexchange.testing.database.ActorTestDatabases;

/**
 * An imaging source's storage, index and ingest, without Spring: for tests of what reads them (manifests, DICOMweb,
 * RAD-69). The index is an embedded H2 under {@code directory}, or a fresh MariaDB database in the surefire execution
 * {@code mariadb}. Close it to release the database.
 */
public final class IngestFixture implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    public final ActorDatabase database;
    public final StudyIndex index;
    public final InstanceStore store;
    public final InstanceIngest ingest;
    private final Path owned;

    /** A fixture in {@code directory}, which the caller owns. */
    public IngestFixture(Path directory) throws IOException {
        this(directory, null);
    }

    /** A fixture in a new temporary directory of its own, removed on close. */
    public static IngestFixture temporary(String prefix) throws IOException {
        Path directory = Files.createTempDirectory(prefix);
        return new IngestFixture(directory.resolve("source"), directory);
    }

    private IngestFixture(Path directory, Path owned) throws IOException {
        this.owned = owned;
        var onServer = ActorTestDatabases.properties(RUN + "_" + COUNTER.incrementAndGet(), "imaging-source");
        var properties = new DatabaseProperties(ActorTestDatabases.onMariaDb()
                ? onServer.get("imaging-source.database.url") : "",
                onServer.getOrDefault("imaging-source.database.username", "sa"),
                onServer.getOrDefault("imaging-source.database.password", ""), 4, Duration.ofSeconds(10));
        database = ActorDatabase.open("imaging_source", properties.jdbcUrl(directory.resolve("index")), properties);
        index = new StudyIndex(database.dataSource(), new StudyLocks(), Clock.systemUTC());
        store = new InstanceStore(directory.resolve("instances"), directory.resolve("incoming"));
        var noAudit = new DefaultAuditContext();
        noAudit.setAuditEnabled(false);
        ingest = new InstanceIngest(store, index, new TransferAudit(noAudit, "XDSI_SOURCE"));
    }

    /** Ingests Part 10 files as STOW-RS parts would be. */
    public void ingest(Iterable<Path> files) throws IOException, StoreStatusException {
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                Part10Ingest.file(ingest, in);
            }
        }
    }

    /** A fresh directory, in the fixture's own temporary directory, for files a test writes before sending them. */
    public Path scratch(String name) throws IOException {
        if (owned == null) {
            throw new IllegalStateException("only a temporary fixture has scratch directories");
        }
        return Files.createDirectories(owned.resolve("sent").resolve(name));
    }

    @Override
    public void close() {
        database.close();
        if (owned != null) {
            try {
                FileSystemUtils.deleteRecursively(owned);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
