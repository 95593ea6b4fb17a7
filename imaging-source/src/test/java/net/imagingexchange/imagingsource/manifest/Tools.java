// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.manifest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command-line peers of the manifest tests: dcmtk's {@code dcmdump} (Debian's {@code dcmtk}) and dicom3tools'
 * {@code dciodvfy} (Debian's {@code dicom3tools}), installed by {@code .ci/run}.
 */
final class Tools {

    private Tools() {
    }

    /** Runs {@code /usr/bin/<tool>} and returns what it printed on both streams, whatever its exit status. */
    static String run(String tool, String... arguments) throws IOException, InterruptedException {
        Path executable = Path.of("/usr/bin", tool);
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException(executable + " is missing: install Debian's "
                    + (tool.equals("dciodvfy") ? "dicom3tools" : "dcmtk") + " package (.ci/run does)");
        }
        var command = new java.util.ArrayList<>(List.of(executable.toString()));
        command.addAll(List.of(arguments));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(tool + " did not finish within 60 s");
        }
        return new String(output, StandardCharsets.UTF_8);
    }
}
