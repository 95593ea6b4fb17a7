// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The imaging source bench's ingest phase: round after round, a new study (its own UIDs: the imaging source keeps
 * a study it was sent once, a resend would change nothing) sent by dcmtk's {@code storescu} over one association to
 * the exchange's imaging source and to dcmtk's {@code storescp}, the sides taking turns at going first; after each
 * send to ours, the time until its KOS manifest is queryable in the registry ({@link PublicationProbe}); after each
 * round, the disk's limit for a durable store ({@link FsyncLimit}). The first {@code --warmup} rounds are not timed.
 */
final class IngestRounds {

    /**
     * One receiver: its process, DICOM port and AE title, where it stores (storescp: its receiving directory; ours:
     * the imaging source's instances directory, one directory per study), and what its timed sends took.
     */
    static final class Side {
        final String name;
        final ChildJvm process;
        final String aeTitle;
        final int port;
        final Path stored;
        final Path storescuLog;
        long wallNanos;
        double cpuSeconds;
        long syncNanos;

        Side(String name, ChildJvm process, String aeTitle, int port, Path stored, Path storescuLog) {
            this.name = name;
            this.process = process;
            this.aeTitle = aeTitle;
            this.port = port;
            this.stored = stored;
            this.storescuLog = storescuLog;
        }
    }

    /** What one send took; {@code published} is null for storescp. */
    private record Send(long wallNanos, double cpuSeconds, long syncNanos, PublicationProbe.Found published) {
    }

    private final ImagingSourceOptions options;
    private final Path work;
    private final BenchReport report;
    private final List<Long> latencies = new ArrayList<>();
    private long fsyncLimitNanos;
    private int storescpSends;

    IngestRounds(ImagingSourceOptions options, Path work, BenchReport report) {
        this.options = options;
        this.work = work;
        this.report = report;
    }

    /** storescu's options, the same for every receiver but the called AE title: one association, -R, -xe. */
    static List<String> storescuOptions(String calledAeTitle) {
        return List.of("-aet", "BENCH_SCU", "-aec", calledAeTitle, "-R", "-xe");
    }

    /**
     * Runs every round, study {@code r} in round {@code r} (warm-up rounds first); the timed ones add to the sides'
     * totals and to the latencies.
     *
     * @param studies one study per round, warm-up ones first.
     */
    void run(List<DicomStudy> studies, Side ours, Side storescp, PublicationProbe probe)
            throws IOException, InterruptedException {
        for (int r = 0; r < studies.size(); r++) {
            boolean timed = r >= options.warmup();
            DicomStudy study = studies.get(r);
            String label = timed ? "round " + (r - options.warmup() + 1) : "warm-up " + (r + 1);
            var line = new StringBuilder(label + " (" + study.directory().getFileName() + "):");
            for (int k = 0; k < 2; k++) {
                boolean oursNow = (r + k) % 2 == 0; // each side first in turn
                Side side = oursNow ? ours : storescp;
                Send send = oursNow ? sendToOurs(study, ours, probe, r == 0) : sendToStorescp(study, storescp, r == 0);
                if (timed) {
                    side.wallNanos += send.wallNanos();
                    side.cpuSeconds += send.cpuSeconds();
                    side.syncNanos += send.syncNanos();
                    if (send.published() != null) {
                        latencies.add(send.published().latencyNanos());
                    }
                }
                String figures = String.format(Locale.ROOT, " %s %.2f s (%.0f/s, CPU %.2f s, sync %.2f s%s);",
                        side.name, send.wallNanos() / 1e9, perSecond(send.wallNanos()), send.cpuSeconds(),
                        send.syncNanos() / 1e9, send.published() == null ? "" : String.format(Locale.ROOT,
                                ", manifest queryable after %.0f ms, %d queries",
                                send.published().latencyNanos() / 1e6, send.published().queries()));
                line.append(figures);
                RetrieveBench.progress("ingest %s:%s", label, figures);
            }
            if (timed) {
                long limit = fsyncLimit(study, r);
                fsyncLimitNanos += limit;
                line.append(String.format(Locale.ROOT, " disk limit %.2f s (%.0f/s);", limit / 1e9,
                        perSecond(limit)));
            }
            report.note("  " + line.substring(0, line.length() - 1));
        }
    }

    /** Sends to the imaging source, then waits for the manifest and checks the stored files and the status. */
    private Send sendToOurs(DicomStudy study, Side ours, PublicationProbe probe, boolean compareBytes)
            throws IOException, InterruptedException {
        DcmtkTools.syncFileSystem(work);
        double cpuBefore = ours.process.cpuSeconds();
        long wall = DcmtkTools.storescu(storescuOptions(ours.aeTitle), ours.port,
                List.of("+sd", study.directory().toString()), ours.storescuLog);
        long acknowledged = System.nanoTime(); // storescu exits once the last C-STORE response and release are in
        double cpu = ours.process.cpuSeconds() - cpuBefore;
        PublicationProbe.Found published = probe.await(study.studyInstanceUid(), acknowledged);
        long sync = DcmtkTools.syncFileSystem(work);
        String problem = study.check(ours.stored.resolve(study.studyInstanceUid()), compareBytes);
        if (problem != null) {
            throw new IllegalStateException(ours.name + ": " + problem + "; see " + ours.storescuLog);
        }
        probe.checkPublished(study.studyInstanceUid(), study.instances());
        return new Send(wall, cpu, sync, published);
    }

    /**
     * Sends to storescp: its previous files moved away with their directory first (not deleted: see
     * {@link DicomStoreBench}'s send), then storescu timed, {@code sync -f} timed, the received files checked.
     */
    private Send sendToStorescp(DicomStudy study, Side storescp, boolean compareBytes)
            throws IOException, InterruptedException {
        Path received = storescp.stored;
        if (storescpSends++ > 0) {
            Files.move(received, spent().resolve("storescp-" + storescpSends));
            Files.createDirectory(received);
        }
        DcmtkTools.syncFileSystem(received);
        double cpuBefore = storescp.process.cpuSeconds();
        long wall = DcmtkTools.storescu(storescuOptions(storescp.aeTitle), storescp.port,
                List.of("+sd", study.directory().toString()), storescp.storescuLog);
        double cpu = storescp.process.cpuSeconds() - cpuBefore;
        long sync = DcmtkTools.syncFileSystem(received);
        String problem = study.check(received, compareBytes);
        if (problem != null) {
            throw new IllegalStateException(storescp.name + ": " + problem + "; see " + storescp.storescuLog);
        }
        return new Send(wall, cpu, sync, null);
    }

    /** The study's files copied with one fsync each into a new directory, which is then moved away. */
    private long fsyncLimit(DicomStudy study, int round) throws IOException {
        Path copy = work.resolve("fsync-limit");
        long nanos = FsyncLimit.copyWithFsync(study.directory(), copy);
        Files.move(copy, spent().resolve("fsync-limit-" + round));
        return nanos;
    }

    /** Where files of earlier sends go; deleted when the run ends. */
    Path spent() {
        return work.resolve("spent");
    }

    /** The rows of the ingest and the publication latency. */
    void results(Side ours, Side storescp, double studyMib) {
        int rounds = options.rounds();
        double oursRate = perSecond(ours.wallNanos / rounds);
        double peerRate = perSecond(storescp.wallNanos / rounds);
        double target = ImagingSourceBench.INGEST_TARGET;
        report.speed(String.format(Locale.ROOT, "C-STORE %d instances into the imaging source, against storescp",
                options.instances()), "inst/s", oursRate, peerRate,
                new BenchReport.Target("ratio >= " + target, oursRate / peerRate >= target));
        report.speed("  against the disk's limit (one fsync per file, decision 0010)", "inst/s", oursRate,
                perSecond(fsyncLimitNanos / rounds), null);
        report.speed("  throughput", "MiB/s", studyMib / (ours.wallNanos / 1e9 / rounds),
                studyMib / (storescp.wallNanos / 1e9 / rounds), null);
        report.duration("  wall time per study", "s", ours.wallNanos / 1e9 / rounds, storescp.wallNanos / 1e9 / rounds);
        report.duration("  receiver CPU time per study", "s", ours.cpuSeconds / rounds, storescp.cpuSeconds / rounds);
        report.duration("  sync -f after the send", "s", ours.syncNanos / 1e9 / rounds,
                storescp.syncNanos / 1e9 / rounds);
        long quietMs = ImagingSourceOptions.QUIET_PERIOD.toMillis();
        double mean = latencies.stream().mapToLong(Long::longValue).average().orElse(Double.NaN) / 1e6;
        double max = latencies.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6;
        report.figure("publication latency, last instance to manifest queryable, mean", "ms", mean, null);
        report.figure("  max", "ms", max, new BenchReport.Target("< 1 s + quiet period", max < 1000 + quietMs));
        report.figure("  max minus the quiet period (" + quietMs + " ms)", "ms", max - quietMs,
                new BenchReport.Target("< 1000 ms", max - quietMs < 1000));
    }

    private double perSecond(long nanos) {
        return options.instances() / (nanos / 1e9);
    }
}
