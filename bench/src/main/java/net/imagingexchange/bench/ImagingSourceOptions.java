// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What the imaging source bench runs.
 *
 * @param instances         instances of each study, one series, each its own SOP Instance UID.
 * @param rows              rows of each image.
 * @param columns           columns of each image (16 bits allocated, 12 stored).
 * @param rounds            timed rounds of each phase: a new study sent to each receiver, and the study retrieved
 *                          from each WADO-RS server, alternately.
 * @param warmup            untimed rounds of each phase before the timed ones.
 * @param clients           clients retrieving the whole study at once in the concurrent WADO-RS rows; 0 leaves
 *                          them out.
 * @param exchangeJar       the exchange's fat jar.
 * @param exchangeJvmOptions options of the exchange's JVM.
 * @param workDirectory     studies, data, logs and the report go here; the studies are kept between runs.
 */
public record ImagingSourceOptions(int instances, int rows, int columns, int rounds, int warmup, int clients,
                                   Path exchangeJar, List<String> exchangeJvmOptions, Path workDirectory) {

    static final String USAGE = """
            usage: ImagingSourceBench --exchange-jar exchange/target/exchange.jar [--instances 500] [--rows 512]
                                      [--columns 512] [--rounds 3] [--warmup 1] [--clients 4]
                                      [--exchange-java-opts "-Xmx1g"] [--work-dir target/imaging-source-bench]""";

    /** The imaging source's quiet period: a study is published once nothing of it arrived for this long. */
    static final Duration QUIET_PERIOD = Duration.ofSeconds(2);
    /** How often the imaging source looks for studies due for publication. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    /**
     * The options of a bench's {@code main}, its work directory made and the HTTP keep-alive pool sized for its
     * clients; bad options end the process with status 2 and the reason.
     */
    static ImagingSourceOptions forMain(String... args) throws IOException {
        ImagingSourceOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            throw e;
        }
        Files.createDirectories(options.workDirectory());
        BlockingHttp.keepAlive(options.clients());
        return options;
    }

    /** storescp's AE title (the imaging source's is XDSI_SOURCE, Orthanc's ORTHANC). */
    static final String STORESCP_AE_TITLE = "BENCH_SCP";

    public ImagingSourceOptions {
        if (instances < 1 || instances > 99_999 || rows < 1 || columns < 1 || rounds < 1 || warmup < 0
                || clients < 0) {
            throw new IllegalArgumentException("--instances (at most 99999), --rows, --columns and --rounds must be"
                    + " at least 1, --warmup and --clients at least 0");
        }
        if ((long) rows * columns * 2 > Integer.MAX_VALUE - 64 || rows > 0xFFFF || columns > 0xFFFF) {
            throw new IllegalArgumentException("images of at most 65535 x 65535 and 2 GiB");
        }
        if (warmup + rounds > 99) {
            throw new IllegalArgumentException("--warmup and --rounds add up to at most 99 (one study each)");
        }
        if (exchangeJar == null) {
            throw new IllegalArgumentException("--exchange-jar is required\n" + USAGE);
        }
        exchangeJvmOptions = List.copyOf(exchangeJvmOptions);
    }

    public static ImagingSourceOptions parse(String... args) {
        var a = BenchArgs.parse(USAGE, Set.of("--instances", "--rows", "--columns", "--rounds", "--warmup",
                "--clients", "--exchange-jar", "--exchange-java-opts", "--work-dir"), args);
        return new ImagingSourceOptions(a.integer("--instances", 500), a.integer("--rows", 512),
                a.integer("--columns", 512), a.integer("--rounds", 3), a.integer("--warmup", 1),
                a.integer("--clients", 4), a.path("--exchange-jar", null),
                a.words("--exchange-java-opts", List.of("-Xmx1g")),
                a.path("--work-dir", Path.of("target", "imaging-source-bench")));
    }
}
