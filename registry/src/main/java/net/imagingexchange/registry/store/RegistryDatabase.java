// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.store;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import net.imagingexchange.registry.RegistryProperties;

/** The registry's own connection pool, migrated by Flyway to the current schema when it opens. */
public final class RegistryDatabase implements AutoCloseable {

    private final HikariDataSource dataSource;

    private RegistryDatabase(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Opens the pool and applies pending migrations from {@code classpath:db/registry}. */
    public static RegistryDatabase open(RegistryProperties properties) {
        var config = new HikariConfig();
        config.setPoolName("registry");
        config.setJdbcUrl(properties.jdbcUrl());
        config.setUsername(properties.database().username());
        config.setPassword(properties.database().password());
        config.setMaximumPoolSize(properties.database().maximumPoolSize());
        config.setConnectionTimeout(properties.database().connectionTimeout().toMillis());
        config.setAutoCommit(true);
        var dataSource = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/registry")
                    .table("registry_schema_history")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new RegistryDatabase(dataSource);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
