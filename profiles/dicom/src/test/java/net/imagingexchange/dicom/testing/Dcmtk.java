// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** dcmtk's command-line tools (Debian's {@code dcmtk} package, installed by {@code .ci/run}), run as the peer. */
public final class Dcmtk {

    private Dcmtk() {
    }

    /** Runs a dcmtk tool and returns its output; fails unless it exits 0. */
    public static String run(String... command) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin", command[0]))) {
            throw new IllegalStateException("/usr/bin/" + command[0] + " is missing: install Debian's dcmtk package"
                    + " (.ci/run does)");
        }
        return runTool(command);
    }

    /** Runs any command-line tool and returns its output; fails unless it exits 0 within 60 s. */
    public static String runTool(String... command) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true);
        builder.environment().put("TCP_NODELAY", "1"); // or dcmtk's network tools stall on Nagle's algorithm
        var process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command[0] + " did not finish within 60 s");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue() + ":\n" + text);
        }
        return text;
    }

    /**
     * dcmdump's listing of a file's data set ({@code +L} long values, {@code -q} quiet), without the file meta
     * information and without what only says how it was encoded: the transfer syntax, value lengths, and whether
     * sequences and items had defined or undefined lengths.
     */
    public static List<String> datasetDump(Path file) throws IOException, InterruptedException {
        var lines = new ArrayList<String>();
        boolean inDataset = false;
        for (String line : run("dcmdump", "-q", "+L", "+U8", file.toString()).split("\n")) {
            if (line.startsWith("# Dicom-Data-Set")) {
                inDataset = true;
            } else if (inDataset && !line.startsWith("# Used TransferSyntax") && !line.isBlank()) {
                lines.add(line.replaceAll("\\s+#\\s+(\\d+|u/l),\\s+\\d+\\s+\\S+$", "").strip()
                        .replaceAll(" with (explicit|undefined) length", "")
                        .replaceAll("DelimitationItem for re-encod[a-z.]*", "DelimitationItem"));
            }
        }
        return lines;
    }
}
