// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * dcmtk's command-line tools (Debian's {@code dcmtk} package) as the DICOM store bench runs them: the sender
 * ({@code storescu}) and the readiness check ({@code echoscu}) of both SCPs, and the peer ({@code storescp}).
 * Every one runs with {@code TCP_NODELAY=1}: without it dcmtk leaves Nagle's algorithm on, and each small PDU
 * (a C-STORE response, a command) waits for the previous segment's delayed ACK, about 40 ms on Linux.
 */
final class DcmtkTools {

    /** What every dcmtk process gets in its environment. */
    static final Map<String, String> ENVIRONMENT = Map.of("TCP_NODELAY", "1");

    private DcmtkTools() {
    }

    /** Fails unless {@code tool} is installed. */
    static Path require(String tool) {
        Path path = Path.of("/usr/bin", tool);
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(path + " is missing: apt-get install dcmtk");
        }
        return path;
    }

    /** The first line of {@code storescu --version}, e.g. {@code $dcmtk: storescu v3.6.7 2022-04-22 $}. */
    static String version() throws IOException, InterruptedException {
        var process = new ProcessBuilder(require("storescu").toString(), "--version").redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output.lines().filter(line -> !line.isBlank()).findFirst().orElse("unknown").replace("$", "").strip();
    }

    /** Whether an SCP on 127.0.0.1:{@code port} answers a C-ECHO called {@code aeTitle}. */
    static boolean echo(String aeTitle, int port) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(require("echoscu").toString(), "-aec", aeTitle, "-to", "5", "127.0.0.1",
                Integer.toString(port)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(ENVIRONMENT);
        var process = builder.start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return false;
        }
        return process.exitValue() == 0;
    }

    /**
     * Runs {@code storescu <options> 127.0.0.1 <port> <inputs>} (one association), its output appended to
     * {@code log}, and returns its wall time in nanoseconds, from starting the process to its exit.
     */
    static long storescu(List<String> options, int port, List<String> inputs, Path log)
            throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add(require("storescu").toString());
        command.addAll(options);
        command.add("127.0.0.1");
        command.add(Integer.toString(port));
        command.addAll(inputs);
        Files.writeString(log, "$ TCP_NODELAY=1 " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(ENVIRONMENT);
        long start = System.nanoTime();
        var process = builder.start();
        if (!process.waitFor(30, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("storescu did not finish within 30 minutes; see " + log);
        }
        long nanos = System.nanoTime() - start;
        if (process.exitValue() != 0) {
            throw new IllegalStateException("storescu exited with " + process.exitValue() + "; see " + log);
        }
        return nanos;
    }

    /**
     * Runs {@code sync -f <directory>} (syncfs(2): every dirty page and journal entry of that file system written
     * back) and returns its wall time in nanoseconds.
     */
    static long syncFileSystem(Path directory) throws IOException, InterruptedException {
        long start = System.nanoTime();
        var process = new ProcessBuilder("sync", "-f", directory.toString()).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("sync -f " + directory + " exited with " + process.exitValue());
        }
        return System.nanoTime() - start;
    }
}
