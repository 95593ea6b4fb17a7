// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The MariaDB server the bench runs against ({@code registry.sh} starts a throwaway one): creates the bench's
 * databases and reports on them.
 */
final class MariaDbServer {

    private static final String SCHEMA = "/db/registry/V1__registry.sql";

    private final String baseUrl;
    private final String user;
    private final String password;

    MariaDbServer(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
    }

    /** Drops and creates a database; returns its Connector/J URL. */
    PlainJdbcLimit.Database createDatabase(String name) throws SQLException {
        try (var connection = DriverManager.getConnection(baseUrl, user, password);
             var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        return new PlainJdbcLimit.Database(baseUrl + name, user, password);
    }

    /** Creates the registry's tables, from the registry's own migration, in a database Flyway does not manage. */
    static void applyRegistrySchema(PlainJdbcLimit.Database database) throws SQLException {
        try (var connection = database.connect(); var statement = connection.createStatement()) {
            for (String sql : statements(Workload.resource(SCHEMA))) {
                statement.execute(sql);
            }
        }
    }

    String version() throws SQLException {
        try (var connection = DriverManager.getConnection(baseUrl, user, password);
             var statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT VERSION()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The server's process id from its pid file, or -1 when the file cannot be read here (a remote server). */
    long pid() throws SQLException {
        try (var connection = DriverManager.getConnection(baseUrl, user, password);
             var statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT @@pid_file")) {
            rs.next();
            return Long.parseLong(Files.readString(Path.of(rs.getString(1))).strip());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** Statements the server has received so far (status variable Questions), from every client. */
    long statements() throws SQLException {
        try (var connection = DriverManager.getConnection(baseUrl, user, password);
             var statement = connection.createStatement();
             var rs = statement.executeQuery("SHOW GLOBAL STATUS LIKE 'Questions'")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    /** Rows, average XML length and on-disk size of a database's document_entry table, to show both sides alike. */
    static String documentEntryStats(PlainJdbcLimit.Database database) throws SQLException {
        try (var connection = database.connect(); var statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT COUNT(*), AVG(LENGTH(xml)),"
                     + " (SELECT SUM(data_length + index_length) FROM information_schema.tables"
                     + "  WHERE table_schema = DATABASE()) FROM document_entry")) {
            rs.next();
            return String.format("%d DocumentEntries, xml %.0f bytes on average, %.0f MiB of tables", rs.getLong(1),
                    rs.getDouble(2), rs.getDouble(3) / (1 << 20));
        }
    }

    private static List<String> statements(String script) {
        var withoutComments = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        var statements = new ArrayList<String>();
        for (String sql : withoutComments.toString().split(";")) {
            if (!sql.isBlank()) {
                statements.add(sql.strip());
            }
        }
        return statements;
    }
}
