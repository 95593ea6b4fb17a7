// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.store;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import net.imagingexchange.registry.RegistryProperties;

/** The registry's own connection pool, migrated by Flyway to the current schema when it opens. */
public final class RegistryDatabase implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RegistryDatabase.class);

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
        if (properties.jdbcUrl().startsWith("jdbc:mysql:")) {
            // Connector/J parses every prepared statement's SQL on the client unless it caches them per connection;
            // our INSERTs are longer than its default 256-character cache limit
            config.addDataSourceProperty("cachePrepStmts", "true");
            config.addDataSourceProperty("prepStmtCacheSize", "250");
            config.addDataSourceProperty("prepStmtCacheSqlLimit", "2048");
        }
        // a registration reads what it checks and writes in one transaction; the unique constraints settle races
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
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
        warnOnCaseInsensitiveCollation(dataSource);
        return new RegistryDatabase(dataSource);
    }

    // Codes, uniqueIds and patient IDs compare case-sensitively (ITI TF-3 4.2.3.1.7); a MySQL / MariaDB database
    // created with a _ci collation would match 'ct^^...' to 'CT^^...'. docs/decisions/0003.
    private static void warnOnCaseInsensitiveCollation(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (!product.contains("MySQL") && !product.contains("MariaDB")) {
                return;
            }
            try (var statement = connection.createStatement();
                 var result = statement.executeQuery("SELECT @@collation_database")) {
                if (result.next() && !result.getString(1).endsWith("_bin")) {
                    LOG.warn("registry database collation is {}: create it with CHARACTER SET utf8mb4 COLLATE"
                            + " utf8mb4_bin so that codes and identifiers compare case-sensitively", result.getString(1));
                }
            }
        } catch (java.sql.SQLException e) {
            LOG.warn("cannot read the registry database's collation", e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
