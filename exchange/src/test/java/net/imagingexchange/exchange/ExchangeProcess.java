// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.exchange;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged exchange ({@code exchange.jar}) as a process of its own, started on free ports. */
final class ExchangeProcess implements AutoCloseable {

    final int httpPort;
    final int dicomPort;
    private final Process process;

    private ExchangeProcess(Process process, int httpPort, int dicomPort) {
        this.process = process;
        this.httpPort = httpPort;
        this.dicomPort = dicomPort;
    }

    /** Starts the jar on {@code data} and waits until it reports UP. */
    static ExchangeProcess start(Path data, Path log, int httpPort, int dicomPort, String... properties)
            throws Exception {
        String jar = System.getProperty("exchange.jar");
        if (jar == null) {
            throw new IllegalStateException("system property exchange.jar is not set: run with mvn verify");
        }
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar, "--server.port=" + httpPort, "--exchange.data-directory=" + data,
                "--imaging-source.dicom.port=" + dicomPort, "--imaging-source.dicom.bind-address=127.0.0.1",
                "--registry.patient-feed-port=0", "--registry.patient-identity=OPEN",
                "--exchange.audit.enabled=false"));
        for (String property : properties) {
            command.add("--" + property);
        }
        var process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        var exchange = new ExchangeProcess(process, httpPort, dicomPort);
        try {
            exchange.awaitUp(Duration.ofSeconds(120));
        } catch (Exception | Error e) {
            exchange.kill(); // not left holding the ports and the data directory
            throw e;
        }
        return exchange;
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    private void awaitUp(Duration limit) throws Exception {
        var http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the exchange exited with " + process.exitValue());
            }
            try {
                var answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the exchange did not come up within " + limit);
    }

    /** SIGKILL: the process gets no chance to flush or close anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
