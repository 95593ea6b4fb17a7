// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.util.List;
import java.util.Locale;

/**
 * The timed retrievals, ours (ITI-43) and the limit's (plain GET) alternately, round after round, so that other
 * load on the machine falls on both sides alike. Only counted: the documents were checked (SHA-1) before.
 */
final class RetrievalRounds {

    private final RetrieveOptions options;
    private final BenchDocuments documents;
    private final Iti43Client ours;
    private final PlainDownload limit;
    private final BenchReport report;

    RetrievalRounds(RetrieveOptions options, BenchDocuments documents, Iti43Client ours, PlainDownload limit,
                    BenchReport report) {
        this.options = options;
        this.documents = documents;
        this.ours = ours;
        this.limit = limit;
        this.report = report;
    }

    /** (a) The large document in one request, {@code --rounds} times on each side. */
    void large() {
        SourceDocument large = documents.large();
        long oursNanos = 0;
        long limitNanos = 0;
        for (int r = 0; r < options.rounds(); r++) {
            long o = time(() -> ours.retrieve(List.of(large), false));
            long l = time(() -> limit.download(large, false));
            oursNanos += o;
            limitNanos += l;
            RetrieveBench.progress("large round %d/%d: ours %.0f MiB/s, limit %.0f MiB/s", r + 1, options.rounds(),
                    mibPerSecond(large.mebibytes(), o), mibPerSecond(large.mebibytes(), l));
        }
        double mib = large.mebibytes() * options.rounds();
        String name = String.format(Locale.ROOT, "ITI-43 1 x %d MiB, 1 request", options.largeMib());
        speedRow(name, mibPerSecond(mib, oursNanos), mibPerSecond(mib, limitNanos), true);
        report.duration("  wall time per retrieval", "s", oursNanos / 1e9 / options.rounds(),
                limitNanos / 1e9 / options.rounds());
    }

    /**
     * (b) Every small document, one per request from {@code --threads} clients as a viewer fetches them; and, when
     * {@code --batch} is set, {@code --batch} documents per request from as many clients.
     */
    void small() {
        List<SourceDocument> smalls = documents.smalls();
        int n = smalls.size();
        int batch = options.batch();
        int batches = batch == 0 ? 0 : (n + batch - 1) / batch;
        var oursLatency = new Latencies(n * options.rounds());
        var limitLatency = new Latencies(n * options.rounds());
        long oursNanos = 0;
        long batchNanos = 0;
        long limitNanos = 0;
        for (int r = 0; r < options.rounds(); r++) {
            int slot = r * n;
            long o = ConcurrentRun.run(options.threads(), 0, n, (w, i) -> oursLatency.record(slot + i,
                    time(() -> ours.retrieve(List.of(smalls.get(i)), false))));
            long b = ConcurrentRun.run(options.threads(), 0, batches, (w, k) ->
                    ours.retrieve(smalls.subList(k * batch, Math.min(n, (k + 1) * batch)), false));
            long l = ConcurrentRun.run(options.threads(), 0, n, (w, i) -> limitLatency.record(slot + i,
                    time(() -> limit.download(smalls.get(i), false))));
            oursNanos += o;
            batchNanos += b;
            limitNanos += l;
            double mib = n * (double) options.smallMib();
            RetrieveBench.progress("small round %d/%d: ours %.0f MiB/s (%s), limit %.0f MiB/s", r + 1,
                    options.rounds(), mibPerSecond(mib, o),
                    batch == 0 ? "no batches" : String.format(Locale.ROOT, "%.0f MiB/s by %d", mibPerSecond(mib, b),
                            batch), mibPerSecond(mib, l));
        }
        double mib = (double) n * options.smallMib() * options.rounds();
        String documentsText = String.format(Locale.ROOT, "%d x %d MiB", n, options.smallMib());
        speedRow("ITI-43 " + documentsText + ", 1 per request", mibPerSecond(mib, oursNanos),
                mibPerSecond(mib, limitNanos), true);
        report.duration("  wall time per " + n + " documents", "ms", oursNanos / 1e6 / options.rounds(),
                limitNanos / 1e6 / options.rounds());
        int timed = n * options.rounds();
        report.duration("  request latency p50", "ms", oursLatency.percentileMillis(timed, 50),
                limitLatency.percentileMillis(timed, 50));
        report.duration("  request latency p99", "ms", oursLatency.percentileMillis(timed, 99),
                limitLatency.percentileMillis(timed, 99));
        if (batch > 0) {
            speedRow("ITI-43 " + documentsText + ", " + batch + " per request", mibPerSecond(mib, batchNanos),
                    mibPerSecond(mib, limitNanos), false);
            report.duration("  wall time per " + n + " documents", "ms", batchNanos / 1e6 / options.rounds(),
                    limitNanos / 1e6 / options.rounds());
        }
    }

    private void speedRow(String name, double ours, double limit, boolean targeted) {
        report.speed(name, "MiB/s", ours, limit, targeted ? new BenchReport.Target(
                "ratio >= " + RetrieveBench.THROUGHPUT_TARGET, ours / limit >= RetrieveBench.THROUGHPUT_TARGET)
                : null);
    }

    private static long time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    static double mibPerSecond(double mib, long nanos) {
        return mib / (nanos / 1e9);
    }
}
