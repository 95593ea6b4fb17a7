// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.index;

import javax.sql.DataSource;

import net.imagingexchange.database.ActorDatabase;
import net.imagingexchange.repository.RepositoryProperties;

/** The repository's own connection pool, migrated to the current schema ({@code classpath:db/repository}). */
public final class RepositoryDatabase implements AutoCloseable {

    private final ActorDatabase database;

    private RepositoryDatabase(ActorDatabase database) {
        this.database = database;
    }

    public static RepositoryDatabase open(RepositoryProperties properties) {
        return new RepositoryDatabase(ActorDatabase.open("repository", properties.jdbcUrl(), properties.database()));
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    @Override
    public void close() {
        database.close();
    }
}
