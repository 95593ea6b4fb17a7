// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

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
        int instances = 500;
        int rows = 512;
        int columns = 512;
        int rounds = 5;
        int warmup = 1;
        boolean reference = true;
        List<String> jvm = List.of("-Xmx512m");
        int peerPdu = 131072;
        Path work = Path.of("target", "dicom-store-bench");
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (name) {
                case "--instances" -> instances = Integer.parseInt(value);
                case "--rows" -> rows = Integer.parseInt(value);
                case "--columns" -> columns = Integer.parseInt(value);
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--reference" -> reference = switch (value) {
                    case "on" -> true;
                    case "off" -> false;
                    default -> throw new IllegalArgumentException("--reference is on or off");
                };
                case "--scp-java-opts" -> jvm = value.isBlank() ? List.of()
                        : Arrays.asList(value.strip().split("\\s+"));
                case "--peer-pdu" -> peerPdu = Integer.parseInt(value);
                case "--work-dir" -> work = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
            }
        }
        return new DicomStoreOptions(instances, rows, columns, rounds, warmup, reference, jvm, peerPdu, work);
    }
}
