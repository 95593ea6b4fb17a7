// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * WADO-RS Retrieve Study by curl, a client we did not write whose cost per byte is lower than the JDK's: the body is
 * received and discarded unparsed, so that the server, not the client, bounds the figure. Times are curl's own
 * ({@code time_starttransfer}, {@code time_total}).
 */
final class CurlClient {

    private static final Path CURL = Path.of("/usr/bin/curl");

    /** What one retrieval took: bytes received, time to the first byte and to the end, in nanoseconds. */
    record Retrieval(long bytes, long firstByteNanos, long wallNanos) {
    }

    private CurlClient() {
    }

    static boolean available() {
        return Files.isExecutable(CURL);
    }

    static Retrieval retrieve(URI study) {
        try {
            Process curl = new ProcessBuilder(CURL.toString(), "-s", "-S", "-f", "-o", "/dev/null", "-H",
                    "Accept: " + WadoRsClient.ACCEPT, "-w", "%{size_download} %{time_starttransfer} %{time_total}",
                    study.toString()).redirectErrorStream(true).start();
            String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (curl.waitFor() != 0) {
                throw new IllegalStateException("curl " + study + " failed: " + out);
            }
            List<String> fields = List.of(out.split("\\s+"));
            return new Retrieval(Long.parseLong(fields.get(0)), seconds(fields.get(1)), seconds(fields.get(2)));
        } catch (IOException e) {
            throw new UncheckedIOException("curl " + study, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long seconds(String value) {
        return (long) (Double.parseDouble(value.replace(',', '.')) * 1e9);
    }

    static String version() {
        try {
            Process curl = new ProcessBuilder(CURL.toString(), "--version").redirectErrorStream(true).start();
            String first = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .findFirst().orElse("curl");
            curl.waitFor();
            return first.split(" \\(")[0].toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            return "curl";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "curl";
        }
    }
}
