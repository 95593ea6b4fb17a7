// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the bench starts as its own process (the exchange's fat jar, the limit's file server, our DICOM SCP), or
 * another program run as a peer (dcmtk's {@code storescp}): its output goes to a log file, it counts as started
 * once a URL answers 200 (or another readiness check passes), its memory and CPU time are read from
 * {@code /proc/PID}, and it is stopped (SIGTERM, then SIGKILL after 30 s) when closed, and when the bench's JVM
 * shuts down (at its end, on an exception, on Ctrl-C).
 */
final class ChildJvm implements AutoCloseable {

    /** Whether a starting process serves yet; called every 200 ms until it is, or the timeout. */
    @FunctionalInterface
    interface Readiness {
        boolean ready() throws IOException, InterruptedException;
    }

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroy),
                "bench-stop-children"));
    }

    private final String name;
    private final Process process;
    private final Path log;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code java <jvmOptions> <arguments>} and waits until {@code ready} answers 200.
     *
     * @param arguments what follows the JVM options: {@code -jar x.jar ...} or {@code -cp ... Main ...}.
     */
    static ChildJvm start(String name, List<String> jvmOptions, List<String> arguments, Path log, URI ready,
                          Duration timeout) throws IOException, InterruptedException {
        return start(name, jvmOptions, arguments, log, () -> answers200(ready), timeout);
    }

    /** Starts {@code java <jvmOptions> <arguments>} and waits until {@code ready} passes. */
    static ChildJvm start(String name, List<String> jvmOptions, List<String> arguments, Path log, Readiness ready,
                          Duration timeout) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(arguments);
        return startProcess(name, command, Map.of(), log, ready, timeout);
    }

    /**
     * Starts {@code command} (any program) with {@code environment} added to the bench's, and waits until
     * {@code ready} passes.
     */
    static ChildJvm startProcess(String name, List<String> command, Map<String, String> environment, Path log,
                                 Readiness ready, Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        RUNNING.add(process);
        var child = new ChildJvm(name, process, log);
        child.awaitReady(ready, timeout);
        return child;
    }

    /** A TCP port on 127.0.0.1 that nothing listens on right now. */
    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    long pid() {
        return process.pid();
    }

    /** User and system CPU time the process has used so far (all its threads), in seconds; NaN if unknown. */
    double cpuSeconds() {
        return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** VmRSS: resident memory now, in KiB. */
    long rssKib() {
        return status("VmRSS:");
    }

    /**
     * Resets VmHWM to the current VmRSS (Linux {@code /proc/PID/clear_refs}, value 5), so that the next reading is
     * the peak of what the process did in between.
     *
     * @return false where that is not possible (not Linux, an old kernel, no permission).
     */
    boolean resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc", Long.toString(process.pid()), "clear_refs"), "5");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** VmHWM: the most resident memory the process has had (since {@link #resetPeakRss()}), in KiB. */
    long peakRssKib() {
        return status("VmHWM:");
    }

    private long status(String field) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith(field))
                    .mapToLong(line -> Long.parseLong(line.substring(field.length()).replace("kB", "").strip()))
                    .findFirst().orElse(-1);
        } catch (IOException e) {
            return -1; // no /proc (not Linux) or the process is gone
        }
    }

    private void awaitReady(Readiness ready, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; "
                        + "see " + log);
            }
            try {
                if (ready.ready()) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    private static boolean answers200(URI ready) throws IOException {
        try (var answer = BlockingHttp.get(ready)) {
            answer.body().readAllBytes();
            return answer.status() == 200;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            System.err.println("[bench] " + name + " did not stop within 30 s; killing it");
            process.destroyForcibly().waitFor();
        }
        RUNNING.remove(process);
    }
}
