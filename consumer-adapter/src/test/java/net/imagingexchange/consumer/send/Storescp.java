// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * dcmtk's {@code storescp} (Debian's {@code dcmtk}) as the reading PACS, on a loopback port, storing what it
 * receives as {@code <modality>.<SOP Instance UID>} in a directory of its own. Stopped (its process only) on close.
 */
final class Storescp implements AutoCloseable {

    static final String AE_TITLE = "READING_PACS";

    private final Process process;
    private final Path received;
    private final Path log;

    private Storescp(Process process, Path received, Path log) {
        this.process = process;
        this.received = received;
        this.log = log;
    }

    /** A free loopback port now: for a destination that is down until storescp is started on it. */
    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Starts storescp and waits until it listens.
     *
     * @param options storescp's own, e.g. {@code +xi} to accept implicit VR little endian only.
     */
    static Storescp start(Path directory, int port, String... options) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/storescp"))) {
            throw new IllegalStateException("/usr/bin/storescp is missing: install Debian's dcmtk package");
        }
        Path received = Files.createDirectories(directory.resolve("received"));
        Path log = directory.resolve("storescp.log");
        var command = new ArrayList<>(List.of("storescp", "-aet", AE_TITLE, "-od", received.toString()));
        command.addAll(List.of(options));
        command.add(Integer.toString(port));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("TCP_NODELAY", "1");
        var storescp = new Storescp(builder.start(), received, log);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (var probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return storescp;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline || !storescp.process.isAlive()) {
                    storescp.close();
                    throw new IllegalStateException("storescp did not start: " + storescp.log());
                }
                Thread.sleep(50);
            }
        }
    }

    /** What it stored, by SOP Instance UID. */
    Map<String, Path> received() throws IOException {
        var files = new TreeMap<String, Path>();
        try (var list = Files.list(received)) {
            list.forEach(f -> {
                String name = f.getFileName().toString();
                files.put(name.substring(name.indexOf('.') + 1), f);
            });
        }
        return files;
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
