// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.util.List;
import java.util.Locale;

/**
 * What retrieving one document did to the resident memory of an exchange JVM started for it: the JVM is warmed up
 * first by retrieving every small document once (so class loading, JIT and the young generation's pages are paid
 * for before), its peak RSS is reset to its current RSS, then it retrieves the document, whole, streamed: the peak
 * read afterwards is the most it held during the retrieval.
 *
 * @param mib        the document's size.
 * @param startPeak  VmHWM before the reset, KiB: start-up and warm-up.
 * @param rssBefore  VmRSS just before the retrieval, KiB.
 * @param peakAfter  VmHWM just after, KiB: the most the JVM held during the retrieval (or ever, when the reset
 *                   was not possible).
 * @param reset      whether VmHWM could be reset.
 * @param seconds    how long the retrieval took (cold for this size; hashed by the client).
 */
record MemoryProbe(int mib, long startPeak, long rssBefore, long peakAfter, boolean reset, double seconds) {

    static MemoryProbe measure(ExchangeJvm exchange, SourceDocument document, Runnable warmUp, Runnable retrieval) {
        warmUp.run();
        long startPeak = exchange.jvm().peakRssKib();
        boolean reset = exchange.jvm().resetPeakRss();
        long rss = exchange.jvm().rssKib();
        long start = System.nanoTime();
        retrieval.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new MemoryProbe((int) (document.size() / SourceDocument.MIB), startPeak, rss,
                exchange.jvm().peakRssKib(), reset, seconds);
    }

    double peakAfterMib() {
        return peakAfter / 1024.0;
    }

    /** What the retrieval added to the peak, MiB: VmHWM after it over VmRSS just before it. */
    double addedMib() {
        return (peakAfter - rssBefore) / 1024.0;
    }

    String describe() {
        return String.format(Locale.ROOT, "  %5d MiB: peak after start-up and warm-up %.0f MiB; VmRSS before the"
                        + " retrieval %.0f MiB, peak during it %.0f MiB (+%.0f MiB)%s; retrieval %.2f s, %.0f MiB/s",
                mib, startPeak / 1024.0, rssBefore / 1024.0, peakAfterMib(), addedMib(),
                reset ? "" : " (VmHWM could not be reset: peak since start)", seconds, mib / seconds);
    }

    /**
     * How much more the largest document's retrieval added to the peak than the smallest's, MiB. Each JVM's own
     * baseline is taken out: two freshly started exchanges, warmed up alike, differ by tens of MiB before they
     * retrieve anything (heap sizing, JIT), which says nothing about retrieval.
     */
    static double growth(List<MemoryProbe> ascending) {
        return ascending.get(ascending.size() - 1).addedMib() - ascending.get(0).addedMib();
    }
}
