// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.index;

import javax.sql.DataSource;

import net.imagingexchange.database.ActorDatabase;
import net.imagingexchange.imagingsource.ImagingSourceProperties;

/** The imaging source's own connection pool, migrated to the current schema ({@code classpath:db/imaging_source}). */
public final class ImagingSourceDatabase implements AutoCloseable {

    private final ActorDatabase database;

    private ImagingSourceDatabase(ActorDatabase database) {
        this.database = database;
    }

    public static ImagingSourceDatabase open(ImagingSourceProperties properties) {
        return new ImagingSourceDatabase(ActorDatabase.open("imaging_source", properties.jdbcUrl(),
                properties.database()));
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    @Override
    public void close() {
        database.close();
    }
}
