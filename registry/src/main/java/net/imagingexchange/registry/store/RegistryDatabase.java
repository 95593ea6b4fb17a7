// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.store;

import javax.sql.DataSource;

import net.imagingexchange.database.ActorDatabase;
import net.imagingexchange.registry.RegistryProperties;

/** The registry's own connection pool, migrated to the current schema ({@code classpath:db/registry}) on open. */
public final class RegistryDatabase implements AutoCloseable {

    private final ActorDatabase database;

    private RegistryDatabase(ActorDatabase database) {
        this.database = database;
    }

    public static RegistryDatabase open(RegistryProperties properties) {
        return new RegistryDatabase(ActorDatabase.open("registry", properties.jdbcUrl(), properties.database()));
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    @Override
    public void close() {
        database.close();
    }
}
