// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * DICOM store benchmark: C-STORE SCP ingest of one study, sent by dcmtk's {@code storescu} over one association to
 * our SCP ({@link DicomStoreScp}: {@code DicomServer} + {@code Part10FileStore}, in a JVM of its own) and to dcmtk's
 * {@code storescp}, the peer, alternately round after round, both writing to the same disk. Target (issue 4): our
 * instances per second at least {@value #TARGET} of storescp's. Run it with {@code bench/dicom-store.sh}.
 */
public final class DicomStoreBench {

    static final double TARGET = 1.0;
    private static final Duration STARTUP = Duration.ofMinutes(1);

    private final DicomStoreOptions options;
    private final Path work;
    private final BenchReport report = new BenchReport();
    private DicomStudy study;
    private long fsyncLimitNanos;

    /** One receiving SCP: its process, directory, storescu log and what its sends took. */
    private static final class Side {
        final String name;
        final String tag;
        final ChildJvm process;
        final int port;
        final Path received;
        final Path storescuLog;
        final long startPeakKib;
        long wallNanos;
        double cpuSeconds;
        long syncNanos;
        int sends;

        Side(String name, String tag, ChildJvm process, int port, Path received, Path storescuLog) {
            this.name = name;
            this.tag = tag;
            this.process = process;
            this.port = port;
            this.received = received;
            this.storescuLog = storescuLog;
            this.startPeakKib = process.peakRssKib();
        }
    }

    /** What one send took. */
    private record Send(long wallNanos, double cpuSeconds, long syncNanos) {
    }

    private DicomStoreBench(DicomStoreOptions options) {
        this.options = options;
        this.work = options.workDirectory().toAbsolutePath();
    }

    public static void main(String[] args) throws Exception {
        DicomStoreOptions options;
        try {
            options = DicomStoreOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Files.createDirectories(options.workDirectory());
        new DicomStoreBench(options).run();
        System.exit(0);
    }

    /** storescu's options, the same for both sides: one association, only the study's SOP class proposed. */
    private List<String> storescuOptions() {
        return List.of("-aet", "BENCH_SCU", "-aec", DicomStoreOptions.AE_TITLE, "-R", "-xe");
    }

    private List<String> storescpCommand(Path received, int port) {
        return List.of(DcmtkTools.require("storescp").toString(), "-aet", DicomStoreOptions.AE_TITLE,
                "-od", received.toString(), "+B", "-pdu", Integer.toString(options.peerMaxPdu()), "-dhl",
                Integer.toString(port));
    }

    private void run() throws Exception {
        DcmtkTools.require("storescu");
        DcmtkTools.require("storescp");
        study = DicomStudy.prepare(work.resolve("study"), options.instances(), options.rows(), options.columns());
        header();
        var sides = new ArrayList<Side>();
        BenchDocuments.delete(spent());
        try {
            sides.add(startOurs("ours", true));
            sides.add(startStorescp());
            if (options.reference()) {
                sides.add(startOurs("ours without fsync", false));
            }
            for (int w = 0; w < options.warmup(); w++) {
                for (Side side : sides) {
                    Send send = send(side, w == 0);
                    RetrieveBench.progress("warm-up %d/%d, %s: %.2f s, %.0f instances/s%s", w + 1, options.warmup(),
                            side.name, send.wallNanos() / 1e9, perSecond(send.wallNanos()),
                            w == 0 ? ", every data set byte-identical to the sent one" : "");
                }
            }
            for (int r = 0; r < options.rounds(); r++) {
                var line = new StringBuilder(String.format(Locale.ROOT, "round %d:", r + 1));
                for (int k = 0; k < sides.size(); k++) {
                    Side side = sides.get((r + k) % sides.size()); // each side first in turn
                    Send send = send(side, options.warmup() == 0 && r == 0);
                    side.wallNanos += send.wallNanos();
                    side.cpuSeconds += send.cpuSeconds();
                    side.syncNanos += send.syncNanos();
                    String figures = String.format(Locale.ROOT, " %s %.2f s (%.0f/s, SCP CPU %.2f s, sync %.2f s);",
                            side.name, send.wallNanos() / 1e9, perSecond(send.wallNanos()), send.cpuSeconds(),
                            send.syncNanos() / 1e9);
                    line.append(figures);
                    RetrieveBench.progress("round %d/%d:%s", r + 1, options.rounds(), figures);
                }
                Path copy = work.resolve("fsync-limit");
                BenchDocuments.delete(copy);
                long limit = FsyncLimit.copyWithFsync(study.directory(), copy);
                fsyncLimitNanos += limit;
                line.append(String.format(Locale.ROOT, " disk limit %.2f s (%.0f/s);", limit / 1e9, perSecond(limit)));
                BenchDocuments.delete(copy);
                report.note("  " + line.substring(0, line.length() - 1));
            }
            results(sides);
        } finally {
            for (Side side : sides) {
                side.process.close();
            }
            RetrieveBench.progress("deleting the files of earlier sends (%s)", spent());
            BenchDocuments.delete(spent());
        }
        report.print(System.out);
        report.write(work.resolve("report.txt"));
    }

    private void header() throws IOException, InterruptedException {
        report.limitColumn("storescp");
        report.header(String.format(Locale.ROOT, "DICOM store bench: C-STORE of a study of %d instances (CT, %d x %d,"
                        + " 16 bits allocated, explicit VR little endian, %.1f MiB), one storescu association per"
                        + " send, %d alternating rounds after %d warm-up send(s) to each side",
                options.instances(), options.rows(), options.columns(), study.mebibytes(), options.rounds(),
                options.warmup()));
        report.header(String.format(Locale.ROOT, "Java %s (%s), %s %s %s, %d CPUs; %s; disk of %s: %s",
                Runtime.version(), System.getProperty("java.vm.vendor"), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), DcmtkTools.version(), work, fileSystem(work)));
        report.header("sender (both sides): TCP_NODELAY=1 storescu " + String.join(" ", storescuOptions())
                + " 127.0.0.1 PORT +sd " + study.directory());
        report.header("ours = java " + String.join(" ", options.scpJvmOptions()) + " " + DicomStoreScp.class.getName()
                + ": DicomServer, AcceptorSettings.defaults (256 KiB maximum PDU; storescu sends at most 128 KiB"
                + " either way), Part10FileStore (temporary file, fsync, rename), on 127.0.0.1");
        report.header("storescp = TCP_NODELAY=1 storescp -aet " + DicomStoreOptions.AE_TITLE + " -od DIR +B -pdu "
                + options.peerMaxPdu() + " -dhl PORT (bit-preserving: the data set written to the file as it"
                + " arrives; no fsync)");
        if (options.reference()) {
            report.header("ours without fsync = the same SCP with Part10FileStore.withoutFsync: the same steps"
                    + " without forcing the file and its directory (reference only: not durable)");
        }
    }

    private Side startOurs(String name, boolean fsync) throws IOException, InterruptedException {
        String tag = fsync ? "ours" : "ours-nofsync";
        Path received = receivedDirectory(tag);
        int port = ChildJvm.freePort();
        var jvmOptions = new ArrayList<>(options.scpJvmOptions());
        jvmOptions.add("-Dlogback.configurationFile=bench/dicom-store-scp-logback.xml");
        RetrieveBench.progress("starting %s: our SCP on 127.0.0.1:%d", name, port);
        var jvm = ChildJvm.start(name, jvmOptions, List.of("-cp", System.getProperty("java.class.path"),
                        DicomStoreScp.class.getName(), DicomStoreOptions.AE_TITLE, Integer.toString(port),
                        received.toString(), Boolean.toString(fsync)),
                work.resolve("scp-" + tag + ".log"), () -> DcmtkTools.echo(DicomStoreOptions.AE_TITLE, port), STARTUP);
        return new Side(name, tag, jvm, port, received, work.resolve("storescu-" + tag + ".log"));
    }

    private Side startStorescp() throws IOException, InterruptedException {
        Path received = receivedDirectory("storescp");
        int port = ChildJvm.freePort();
        RetrieveBench.progress("starting storescp on 127.0.0.1:%d", port);
        var process = ChildJvm.startProcess("storescp", storescpCommand(received, port), DcmtkTools.ENVIRONMENT,
                work.resolve("storescp.log"), () -> DcmtkTools.echo(DicomStoreOptions.AE_TITLE, port), STARTUP);
        return new Side("storescp", "storescp", process, port, received, work.resolve("storescu-storescp.log"));
    }

    /**
     * Where the files of earlier sends go, the previous run's last ones included; deleted when the run ends, after
     * the timing, and at its start only what a run that did not end left there.
     */
    private Path spent() {
        return work.resolve("spent");
    }

    /** An empty receiving directory; a previous run's is moved to {@link #spent()}, not deleted (see send). */
    private Path receivedDirectory(String tag) throws IOException {
        Path received = work.resolve("received-" + tag);
        if (Files.exists(received)) {
            Files.createDirectories(spent());
            Files.move(received, spent().resolve(tag + "-previous-run"));
        }
        Files.deleteIfExists(work.resolve("storescu-" + tag + ".log"));
        return Files.createDirectories(received);
    }

    /**
     * One send of the whole study to a side: the files of its previous send moved away with their directory (a new,
     * empty one under the same name) and the file system synced (untimed), storescu timed from start to exit, the
     * SCP's CPU time over the send, then {@code sync -f} timed (what the send left for the kernel to write back),
     * then the received files checked. Files are not deleted between sends: ext4 without a journal (the bench
     * machine's) skips inodes freed in the last minutes when it allocates new ones, scanning past them one by one,
     * which made every file creation after a deletion of 500 files cost both sides more (it showed in perf as
     * {@code recently_deleted}); the moved directories are deleted when the run ends.
     */
    private Send send(Side side, boolean compareBytes) throws IOException, InterruptedException {
        if (side.sends++ > 0) {
            Files.createDirectories(spent());
            Files.move(side.received, spent().resolve(side.tag + "-" + side.sends));
            Files.createDirectory(side.received);
        }
        DcmtkTools.syncFileSystem(side.received);
        double cpuBefore = side.process.cpuSeconds();
        long wall = DcmtkTools.storescu(storescuOptions(), side.port, List.of("+sd", study.directory().toString()),
                side.storescuLog);
        double cpu = side.process.cpuSeconds() - cpuBefore;
        long sync = DcmtkTools.syncFileSystem(side.received);
        String problem = study.check(side.received, compareBytes);
        if (problem != null) {
            throw new IllegalStateException(side.name + ": " + problem + "; see " + side.storescuLog);
        }
        return new Send(wall, cpu, sync);
    }

    private void results(List<Side> sides) throws IOException {
        Side ours = sides.get(0);
        Side peer = sides.get(1);
        int rounds = options.rounds();
        double studyMib = study.mebibytes();
        report.speed(String.format(Locale.ROOT, "C-STORE %d instances, ours", options.instances()), "inst/s",
                perSecond(ours.wallNanos / rounds), perSecond(peer.wallNanos / rounds), new BenchReport.Target(
                        "ratio >= " + TARGET, perSecond(ours.wallNanos) / perSecond(peer.wallNanos) >= TARGET));
        report.speed("  against the disk's limit (one fsync per file, decision 0010)", "inst/s",
                perSecond(ours.wallNanos / rounds), perSecond(fsyncLimitNanos / rounds), null);
        perSide(ours, peer, studyMib);
        if (sides.size() > 2) {
            Side unsynced = sides.get(2);
            report.speed("C-STORE, ours without fsync (reference)", "inst/s", perSecond(unsynced.wallNanos / rounds),
                    perSecond(peer.wallNanos / rounds), null);
            perSide(unsynced, peer, studyMib);
        }
        report.duration("SCP peak RSS (VmHWM, whole run)", "MiB", ours.process.peakRssKib() / 1024.0,
                peer.process.peakRssKib() / 1024.0);
        report.duration("  VmHWM once started, before any send", "MiB", ours.startPeakKib / 1024.0,
                peer.startPeakKib / 1024.0);
        report.note(String.format(Locale.ROOT, "every send: %d files arrived, %d data set bytes in them as sent;"
                        + " %s: every received data set byte-identical to the sent one after the File Meta"
                        + " Information (%s)", options.instances(), study.datasetBytes(),
                options.warmup() > 0 ? "the first warm-up send" : "the first round",
                String.join(", ", sides.stream().map(s -> s.name).toList())));
        report.note("instances/s = instances over storescu's wall time (process start to exit: association,"
                + " every C-STORE and its response, release), averaged over the rounds; SCP CPU = user + system CPU"
                + " of the SCP's process during the send; sync = sync -f on the receiving file system right after"
                + " the send (untimed in instances/s: the write-back a send leaves to the kernel)");
        report.note("disk limit = the study's files copied one by one into a new directory on the same disk with an"
                + " fsync each (FsyncLimit: no network, no parsing, no rename); its ratio is ours / that limit");
        report.note("ratio = ours / storescp for speeds, storescp / ours for times and memory (above 1.00: ours is"
                + " better); received files and logs: " + work);
    }

    private void perSide(Side side, Side peer, double studyMib) {
        int rounds = options.rounds();
        report.speed("  throughput", "MiB/s", studyMib / (side.wallNanos / 1e9 / rounds),
                studyMib / (peer.wallNanos / 1e9 / rounds), null);
        report.duration("  wall time per study", "s", side.wallNanos / 1e9 / rounds, peer.wallNanos / 1e9 / rounds);
        report.duration("  SCP CPU time per study", "s", side.cpuSeconds / rounds, peer.cpuSeconds / rounds);
        report.duration("  sync -f after the send", "s", side.syncNanos / 1e9 / rounds, peer.syncNanos / 1e9 / rounds);
    }

    private double perSecond(long nanos) {
        return options.instances() / (nanos / 1e9);
    }

    /** The file system holding {@code path}: device, type and mount point, from /proc/mounts. */
    private static String fileSystem(Path path) {
        try {
            String real = path.toRealPath().toString();
            String best = "unknown";
            int bestLength = -1;
            for (String line : Files.readAllLines(Path.of("/proc/mounts"))) {
                String[] fields = line.split(" ");
                if (fields.length > 2 && (real.equals(fields[1]) || real.startsWith(
                        fields[1].endsWith("/") ? fields[1] : fields[1] + "/")) && fields[1].length() > bestLength) {
                    bestLength = fields[1].length();
                    best = fields[0] + " " + fields[2] + " on " + fields[1];
                }
            }
            return best;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
