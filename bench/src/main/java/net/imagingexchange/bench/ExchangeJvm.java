// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The exchange as it ships: its fat jar in a JVM of its own on a free loopback port, embedded H2, registry and
 * repository data under one data directory (kept from one start to the next, so documents provided to one JVM are
 * retrieved from the next), patient identity OPEN, ITI-8 and ATNA off. Its console log goes to a file.
 */
final class ExchangeJvm implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(3);

    private final ChildJvm jvm;
    private final int port;
    private final double startSeconds;

    private ExchangeJvm(ChildJvm jvm, int port, double startSeconds) {
        this.jvm = jvm;
        this.port = port;
        this.startSeconds = startSeconds;
    }

    static ExchangeJvm start(RetrieveOptions options, Path dataDirectory, Path log)
            throws IOException, InterruptedException {
        int port = ChildJvm.freePort();
        String data = dataDirectory.toAbsolutePath().toString();
        long start = System.nanoTime();
        var jvm = ChildJvm.start("the exchange", options.exchangeJvmOptions(), List.of(
                "-jar", options.exchangeJar().toAbsolutePath().toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--spring.main.banner-mode=off",
                "--exchange.data-directory=" + data,
                "--repository.data-directory=" + data,
                "--repository.registry.url=http://127.0.0.1:" + port + "/registry/iti42",
                "--registry.patient-identity=OPEN",
                "--registry.patient-feed-port=-1",
                "--exchange.audit.enabled=false"),
                log, URI.create("http://127.0.0.1:" + port + "/actuator/health"), STARTUP);
        return new ExchangeJvm(jvm, port, (System.nanoTime() - start) / 1e9);
    }

    URI iti41() {
        return URI.create("http://127.0.0.1:" + port + "/repository/iti41");
    }

    URI iti43() {
        return URI.create("http://127.0.0.1:" + port + "/repository/iti43");
    }

    ChildJvm jvm() {
        return jvm;
    }

    double startSeconds() {
        return startSeconds;
    }

    @Override
    public void close() throws InterruptedException {
        jvm.close();
    }
}
