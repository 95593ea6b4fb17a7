// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Settings of one DICOM store bench run, from the command line ({@code dicom-store.sh} passes the JVM ones).
 *
 * @param instances     instances in the study, one series, each its own SOP Instance UID.
 * @param rows          rows of each image.
 * @param columns       columns of each image (16 bits allocated, 12 stored).
 * @param rounds        timed sends of the whole study to each side, run alternately.
 * @param warmup        untimed sends of the whole study to each side before the timed ones.
 * @param reference     also time our SCP with a store handler of the bench's that does not fsync (the one
 *                      difference between ours and storescp's way of writing), as a reference row.
 * @param scpJvmOptions options of our SCP's JVM.
 * @param peerMaxPdu    storescp's {@code -pdu}: its maximum receive PDU (dcmtk's limit is 131072).
 * @param workDirectory the study, received files, logs and report go here; the study is kept between runs.
 */
public record DicomStoreOptions(int instances, int rows, int columns, int rounds, int warmup, boolean reference,
                                List<String> scpJvmOptions, int peerMaxPdu, Path workDirectory) {

    static final String USAGE = """
            usage: DicomStoreBench [--instances 500] [--rows 512] [--columns 512] [--rounds 5] [--warmup 1]
                                   [--reference on|off] [--scp-java-opts "-Xmx512m"] [--peer-pdu 131072]
                                   [--work-dir target/dicom-store-bench]""";

    /** Our SCP's and storescp's AE title, called by storescu. */
    static final String AE_TITLE = "BENCH_SCP";

    public DicomStoreOptions {
        if (instances < 1 || instances > 99_999 || rows < 1 || columns < 1 || rounds < 1 || warmup < 0) {
            throw new IllegalArgumentException("--instances (at most 99999), --rows, --columns and --rounds must be"
                    + " at least 1, --warmup at least 0");
        }
        if ((long) rows * columns * 2 > Integer.MAX_VALUE - 64 || rows > 0xFFFF || columns > 0xFFFF) {
            throw new IllegalArgumentException("images of at most 65535 x 65535 and 2 GiB");
        }
        if (peerMaxPdu < 4096 || peerMaxPdu > 131072) {
            throw new IllegalArgumentException("--peer-pdu must be between 4096 and 131072 (storescp's limits)");
        }
    }

    public static DicomStoreOptions parse(String... args) {
        var a = BenchArgs.parse(USAGE, Set.of("--instances", "--rows", "--columns", "--rounds", "--warmup",
                "--reference", "--scp-java-opts", "--peer-pdu", "--work-dir"), args);
        boolean reference = switch (a.string("--reference", "on")) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("--reference is on or off");
        };
        return new DicomStoreOptions(a.integer("--instances", 500), a.integer("--rows", 512),
                a.integer("--columns", 512), a.integer("--rounds", 5), a.integer("--warmup", 1), reference,
                a.words("--scp-java-opts", List.of("-Xmx512m")), a.integer("--peer-pdu", 131072),
                a.path("--work-dir", Path.of("target", "dicom-store-bench")));
    }
}
