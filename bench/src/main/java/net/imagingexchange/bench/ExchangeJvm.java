// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The exchange as it ships: its fat jar in a JVM of its own on a loopback port, embedded H2, registry and
 * repository data under one data directory (kept from one start to the next, so documents provided to one JVM are
 * retrieved from the next), patient identity OPEN, ITI-8 and ATNA off, plus any further properties a bench sets
 * (the imaging source's). Its console log goes to a file.
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

    /**
     * How to start the exchange.
     *
     * @param jar           the fat jar.
     * @param jvmOptions    options of its JVM.
     * @param dataDirectory its {@code exchange.data-directory} and {@code repository.data-directory}.
     * @param log           where its console output goes.
     * @param properties    further {@code --property=value} arguments (none may repeat one set here).
     */
    record Launch(Path jar, List<String> jvmOptions, Path dataDirectory, Path log, List<String> properties) {
        Launch {
            properties = List.copyOf(properties);
        }
    }

    static ExchangeJvm start(RetrieveOptions options, Path dataDirectory, Path log)
            throws IOException, InterruptedException {
        return start(new Launch(options.exchangeJar(), options.exchangeJvmOptions(), dataDirectory, log, List.of()),
                ChildJvm.freePort());
    }

    /** Starts the exchange on {@code port} of 127.0.0.1 and waits until its health endpoint answers 200. */
    static ExchangeJvm start(Launch launch, int port) throws IOException, InterruptedException {
        String data = launch.dataDirectory().toAbsolutePath().toString();
        var arguments = new ArrayList<>(List.of(
                "-jar", launch.jar().toAbsolutePath().toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--spring.main.banner-mode=off",
                "--exchange.data-directory=" + data,
                "--repository.data-directory=" + data,
                "--repository.registry.url=http://127.0.0.1:" + port + "/registry/iti42",
                "--registry.patient-identity=OPEN",
                "--registry.patient-feed-port=-1",
                "--exchange.audit.enabled=false"));
        arguments.addAll(launch.properties());
        long start = System.nanoTime();
        var jvm = ChildJvm.start("the exchange", launch.jvmOptions(), arguments, launch.log(),
                URI.create("http://127.0.0.1:" + port + "/actuator/health"), STARTUP);
        return new ExchangeJvm(jvm, port, (System.nanoTime() - start) / 1e9);
    }

    /** {@code http://127.0.0.1:PORT}, without a final slash. */
    String base() {
        return "http://127.0.0.1:" + port;
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
