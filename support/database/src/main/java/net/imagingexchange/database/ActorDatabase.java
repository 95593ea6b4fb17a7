// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.database;

import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One actor's connection pool, migrated by Flyway to the current schema when it opens. Each actor keeps its own
 * migrations ({@code classpath:db/<actor>}) and history table, so actors may share a database server or not.
 */
public final class ActorDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ActorDatabase.class);

    private final HikariDataSource dataSource;

    private ActorDatabase(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Opens the pool and applies pending migrations from {@code classpath:db/<actor>}.
     *
     * @param actor    names the pool, the migrations and the history table {@code <actor>_schema_history}.
     * @param jdbcUrl  the URL in force ({@link DatabaseProperties#jdbcUrl}).
     */
    public static ActorDatabase open(String actor, String jdbcUrl, DatabaseProperties properties) {
        var config = new HikariConfig();
        config.setPoolName(actor);
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(properties.username());
        config.setPassword(properties.password());
        config.setMaximumPoolSize(properties.maximumPoolSize());
        config.setConnectionTimeout(properties.connectionTimeout().toMillis());
        config.setAutoCommit(true);
        if (jdbcUrl.startsWith("jdbc:mysql:")) {
            // Connector/J parses every prepared statement's SQL on the client unless it caches them per connection;
            // long INSERTs pass its default 256-character cache limit
            config.addDataSourceProperty("cachePrepStmts", "true");
            config.addDataSourceProperty("prepStmtCacheSize", "250");
            config.addDataSourceProperty("prepStmtCacheSqlLimit", "2048");
        }
        // a transaction reads what it checks and writes; unique constraints settle races
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        var dataSource = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/" + actor)
                    .table(actor + "_schema_history")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        warnOnCaseInsensitiveCollation(actor, dataSource);
        return new ActorDatabase(dataSource);
    }

    // Codes, uniqueIds and patient IDs compare case-sensitively (ITI TF-3 4.2.3.1.7); a MySQL / MariaDB database
    // created with a _ci collation would match 'ct^^...' to 'CT^^...'. docs/decisions/0003.
    private static void warnOnCaseInsensitiveCollation(String actor, DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (!product.contains("MySQL") && !product.contains("MariaDB")) {
                return;
            }
            try (var statement = connection.createStatement();
                 var result = statement.executeQuery("SELECT @@collation_database")) {
                if (result.next() && !result.getString(1).endsWith("_bin")) {
                    LOG.warn("{} database collation is {}: create it with CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
                            + " so that codes and identifiers compare case-sensitively", actor, result.getString(1));
                }
            }
        } catch (SQLException e) {
            LOG.warn("cannot read the {} database's collation", actor, e);
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
