// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.testing.database;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway MariaDB server for the tests: {@code mariadbd} from Debian's {@code mariadb-server} package, with its
 * own data directory under {@code target/}, on a free loopback port, stopped when the JVM exits. When
 * {@code -Dtest.mariadb.url=jdbc:mysql://host:port/} is given (with {@code test.mariadb.user} / {@code .password})
 * that server is used instead.
 */
public final class MariaDbServer {

    private static final String MARIADBD = "/usr/sbin/mariadbd";
    private static MariaDbServer shared;

    private final String baseUrl;
    private final String username;
    private final String password;

    private MariaDbServer(String baseUrl, String username, String password) {
        this.baseUrl = baseUrl;
        this.username = username;
        this.password = password;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized MariaDbServer shared() {
        if (shared == null) {
            String external = System.getProperty("test.mariadb.url", "");
            shared = external.isBlank() ? start()
                    : new MariaDbServer(external, System.getProperty("test.mariadb.user", "xds"),
                    System.getProperty("test.mariadb.password", "xds"));
        }
        return shared;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** Creates an empty database and returns its JDBC URL (MySQL Connector/J, as in production). */
    public String createDatabase(String name) {
        try (var connection = DriverManager.getConnection(baseUrl, username, password);
             var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + baseUrl, e);
        }
        return baseUrl + name;
    }

    private static MariaDbServer start() {
        if (!Files.isExecutable(Path.of(MARIADBD))) {
            throw new IllegalStateException(MARIADBD + " is missing: install Debian's mariadb-server package"
                    + " (.ci/run does) to run the MariaDB tests");
        }
        try {
            Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "mariadb-");
            int port = freePort();
            Path socket = Files.createTempDirectory("mdb").resolve("mysqld.sock");
            String user = System.getProperty("user.name");
            List<String> common = List.of("--no-defaults", "--datadir=" + dir.resolve("data"),
                    "--socket=" + socket, "--user=" + user);
            run(concat(List.of("mariadb-install-db"), common, List.of("--auth-root-authentication-method=socket",
                    "--auth-root-socket-user=" + user, "--skip-test-db", "--skip-name-resolve")), dir);
            var server = new ProcessBuilder(concat(List.of(MARIADBD), common, List.of("--port=" + port,
                    "--bind-address=127.0.0.1", "--skip-name-resolve", "--skip-log-bin", "--tmpdir=" + dir,
                    "--performance-schema=OFF", "--innodb-buffer-pool-size=128M",
                    "--innodb-flush-log-at-trx-commit=2", "--character-set-server=utf8mb4",
                    "--collation-server=utf8mb4_unicode_ci", "--max-connections=300")))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("mariadbd.log").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::destroy));
            awaitPort(port, server, dir);
            run(List.of("mariadb", "--no-defaults", "--protocol=SOCKET", "--socket=" + socket, "-u", user, "-e",
                    "CREATE USER 'xds'@'127.0.0.1' IDENTIFIED BY 'xds';"
                            + " GRANT ALL PRIVILEGES ON *.* TO 'xds'@'127.0.0.1';"), dir);
            return new MariaDbServer("jdbc:mysql://127.0.0.1:" + port + "/", "xds", "xds");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start MariaDB", e);
        }
    }

    private static void awaitPort(int port, Process server, Path dir) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("mariadbd exited; see " + dir.resolve("mariadbd.log"));
            }
            try (var ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        throw new IllegalStateException("mariadbd did not listen on port " + port + " within 60 s");
    }

    private static void run(List<String> command, Path dir) throws IOException {
        var log = dir.resolve("setup.log").toFile();
        var process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        var all = new ArrayList<String>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
