// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A retrieval phase: WADO-RS Retrieve Study of the same study from two servers (ours and a peer: Orthanc for the
 * imaging source bench, the imaging source itself for the consumer bench), with the same client
 * ({@link WadoRsClient}), round after round, the sides taking turns at going first: one client, then
 * {@code --clients} clients at once. Each answer must hold one part per instance; the first ones on each side (the
 * warm-up) must also hold about the same bytes on both sides. The resident memory of both servers is read before and
 * after, their peaks reset before.
 */
final class WadoRounds {

    /** A WADO-RS server: where its copy of the study is and its process. */
    record Server(String name, URI study, ChildJvm process) {
    }

    /**
     * What ours must reach.
     *
     * @param speedRatio        ours / peer MiB/s with one client, at least.
     * @param firstInstanceRatio peer / ours time to the first whole instance, at least; NaN when not a target.
     */
    record Goal(double speedRatio, double firstInstanceRatio) {
    }

    /** What one side's timed retrievals added up to. */
    private static final class Totals {
        long bytes;
        long wallNanos;
        long firstByteNanos;
        long firstInstanceNanos;
        int retrievals;
        long concurrentBytes;
        long concurrentNanos;
    }

    private final ImagingSourceOptions options;
    private final DicomStudy study;
    private final BenchReport report;
    private final Goal goal;

    WadoRounds(ImagingSourceOptions options, DicomStudy study, BenchReport report, Goal goal) {
        this.options = options;
        this.study = study;
        this.report = report;
        this.goal = goal;
    }

    void run(Server ours, Server peer) throws Exception {
        warmUp(ours, peer);
        long[] rssBefore = {ours.process().rssKib(), peer.process().rssKib()};
        boolean reset = ours.process().resetPeakRss() & peer.process().resetPeakRss();
        var oursTotals = new Totals();
        var peerTotals = new Totals();
        for (int r = 0; r < options.rounds(); r++) {
            for (int k = 0; k < 2; k++) {
                boolean oursNow = (r + k) % 2 == 0;
                single(oursNow ? ours : peer, oursNow ? oursTotals : peerTotals, r);
            }
        }
        for (int r = 0; options.clients() > 0 && r < options.rounds(); r++) {
            for (int k = 0; k < 2; k++) {
                boolean oursNow = (r + k) % 2 == 0;
                concurrent(oursNow ? ours : peer, oursNow ? oursTotals : peerTotals, r);
            }
        }
        results(oursTotals, peerTotals, ours.name() + " against " + peer.name());
        if (CurlClient.available()) {
            curlRounds(ours, peer);
        }
        memory(ours, peer, rssBefore, reset);
    }

    /** The same retrievals by curl, one at a time, the sides taking turns; each answer must be as large as the study. */
    private void curlRounds(Server ours, Server peer) {
        long[] oursTotals = new long[3];
        long[] peerTotals = new long[3];
        for (int r = 0; r < options.rounds(); r++) {
            for (int k = 0; k < 2; k++) {
                boolean oursNow = (r + k) % 2 == 0;
                Server server = oursNow ? ours : peer;
                var retrieval = CurlClient.retrieve(server.study());
                if (retrieval.bytes() < datasetBytes()) {
                    throw new IllegalStateException("curl " + server.study() + ": " + retrieval.bytes()
                            + " bytes, less than the study's data sets");
                }
                long[] totals = oursNow ? oursTotals : peerTotals;
                totals[0] += retrieval.bytes();
                totals[1] += retrieval.firstByteNanos();
                totals[2] += retrieval.wallNanos();
                RetrieveBench.progress("curl round %d/%d, %s: %.2f s, %.0f MiB/s", r + 1, options.rounds(),
                        server.name(), retrieval.wallNanos() / 1e9,
                        mib(retrieval.bytes()) / (retrieval.wallNanos() / 1e9));
            }
        }
        double oursSpeed = mib(oursTotals[0]) / (oursTotals[2] / 1e9);
        double peerSpeed = mib(peerTotals[0]) / (peerTotals[2] / 1e9);
        report.speed(String.format(Locale.ROOT, "WADO-RS study, 1 curl client (body not parsed), %s against %s",
                ours.name(), peer.name()), "MiB/s", oursSpeed, peerSpeed, new BenchReport.Target(String.format(Locale.ROOT,
                "ratio >= %.2f", goal.speedRatio()), oursSpeed / peerSpeed >= goal.speedRatio()));
        report.duration("  curl's time to first byte", "ms", oursTotals[1] / 1e6 / options.rounds(),
                peerTotals[1] / 1e6 / options.rounds());
    }

    /** Untimed, checked: {@code --warmup} retrievals on each side (at least one); both must hold the study. */
    private void warmUp(Server ours, Server peer) {
        for (int w = 0; w < Math.max(1, options.warmup()); w++) {
            var o = check(ours, WadoRsClient.retrieve(ours.study()));
            var p = check(peer, WadoRsClient.retrieve(peer.study()));
            // the same data sets in both; each server writes its own File Meta Information in front
            if (Math.abs(o.bytes() - p.bytes()) > o.bytes() / 100) {
                throw new IllegalStateException(String.format(Locale.ROOT, "WADO-RS: ours answered %d bytes in %d"
                        + " parts, %s %d: more than 1%% apart", o.bytes(), o.parts(), peer.name(), p.bytes()));
            }
            RetrieveBench.progress("WADO-RS warm-up %d: ours %d parts, %d bytes, %.2f s; %s %d parts, %d bytes,"
                    + " %.2f s", w + 1, o.parts(), o.bytes(), o.wallNanos() / 1e9, peer.name(), p.parts(),
                    p.bytes(), p.wallNanos() / 1e9);
            if (w == 0) {
                report.note(String.format(Locale.ROOT, "WADO-RS answers checked: %d parts of application/dicom on"
                                + " both sides; ours %d bytes, %s %d bytes (the data sets sent: %d bytes)",
                        o.parts(), o.bytes(), peer.name(), p.bytes(), datasetBytes()));
            }
        }
    }

    private long datasetBytes() {
        try {
            return study.datasetBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails unless the answer holds one part per instance, each at least as long as a data set can be. */
    private WadoRsClient.Retrieval check(Server server, WadoRsClient.Retrieval retrieval) {
        if (retrieval.parts() != study.instances() || retrieval.bytes() < datasetBytes()) {
            throw new IllegalStateException(String.format(Locale.ROOT, "WADO-RS from %s: %d parts, %d bytes; %d"
                            + " instances of %d data set bytes expected", server.name(), retrieval.parts(),
                    retrieval.bytes(), study.instances(), datasetBytes()));
        }
        return retrieval;
    }

    private void single(Server server, Totals totals, int round) {
        var retrieval = check(server, WadoRsClient.retrieve(server.study()));
        totals.bytes += retrieval.bytes();
        totals.wallNanos += retrieval.wallNanos();
        totals.firstByteNanos += retrieval.firstByteNanos();
        totals.firstInstanceNanos += retrieval.firstInstanceNanos();
        totals.retrievals++;
        RetrieveBench.progress("WADO-RS round %d/%d, %s: %.2f s, %.0f MiB/s, first byte after %.1f ms", round + 1,
                options.rounds(), server.name(), retrieval.wallNanos() / 1e9,
                mib(retrieval.bytes()) / (retrieval.wallNanos() / 1e9), retrieval.firstByteNanos() / 1e6);
    }

    private void concurrent(Server server, Totals totals, int round) {
        var bytes = new AtomicLong();
        long nanos = ConcurrentRun.run(options.clients(), 0, options.clients(),
                (w, i) -> bytes.addAndGet(check(server, WadoRsClient.retrieve(server.study())).bytes()));
        totals.concurrentBytes += bytes.get();
        totals.concurrentNanos += nanos;
        RetrieveBench.progress("WADO-RS %d clients, round %d/%d, %s: %.2f s, %.0f MiB/s", options.clients(),
                round + 1, options.rounds(), server.name(), nanos / 1e9, mib(bytes.get()) / (nanos / 1e9));
    }

    /** @param sides "ours against the peer", by name */
    private void results(Totals ours, Totals peer, String sides) {
        double oursSpeed = mib(ours.bytes) / (ours.wallNanos / 1e9);
        double peerSpeed = mib(peer.bytes) / (peer.wallNanos / 1e9);
        report.speed(String.format(Locale.ROOT, "WADO-RS study of %d instances, 1 client, %s",
                options.instances(), sides), "MiB/s", oursSpeed, peerSpeed, new BenchReport.Target(
                String.format(Locale.ROOT, "ratio >= %.2f", goal.speedRatio()),
                oursSpeed / peerSpeed >= goal.speedRatio()));
        report.duration("  wall time per study", "s", ours.wallNanos / 1e9 / ours.retrievals,
                peer.wallNanos / 1e9 / peer.retrievals);
        report.duration("  time to first byte of the body", "ms", ours.firstByteNanos / 1e6 / ours.retrievals,
                peer.firstByteNanos / 1e6 / peer.retrievals);
        double oursFirst = ours.firstInstanceNanos / 1e6 / ours.retrievals;
        double peerFirst = peer.firstInstanceNanos / 1e6 / peer.retrievals;
        report.duration("  time to the first whole instance", "ms", oursFirst, peerFirst,
                Double.isNaN(goal.firstInstanceRatio()) ? null : new BenchReport.Target(String.format(Locale.ROOT,
                        "ratio >= %.2f", goal.firstInstanceRatio()), peerFirst / oursFirst
                        >= goal.firstInstanceRatio()));
        if (options.clients() > 0) {
            report.speed(String.format(Locale.ROOT, "WADO-RS, %d clients at once, %s",
                    options.clients(), sides), "MiB/s", mib(ours.concurrentBytes) / (ours.concurrentNanos / 1e9),
                    mib(peer.concurrentBytes) / (peer.concurrentNanos / 1e9), null);
        }
    }

    private void memory(Server ours, Server peer, long[] rssBefore, boolean reset) {
        if (ours.process() == peer.process()) {
            report.note("server memory not compared: ours and the peer are the same process");
            return;
        }
        report.duration("server RSS before the timed retrievals (VmRSS)", "MiB", rssBefore[0] / 1024.0,
                rssBefore[1] / 1024.0);
        report.duration("  peak during them (VmHWM" + (reset ? ", reset before" : ", since start") + ")", "MiB",
                ours.process().peakRssKib() / 1024.0, peer.process().peakRssKib() / 1024.0);
        report.duration("  after them (VmRSS)", "MiB", ours.process().rssKib() / 1024.0,
                peer.process().rssKib() / 1024.0);
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
