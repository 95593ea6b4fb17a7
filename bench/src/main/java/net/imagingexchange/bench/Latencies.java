// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.util.Arrays;

/** Per-request durations, recorded from any thread into their own slot, and their percentiles. */
final class Latencies {

    private final long[] nanos;

    Latencies(int capacity) {
        this.nanos = new long[capacity];
    }

    void record(int slot, long elapsedNanos) {
        nanos[slot] = elapsedNanos;
    }

    /** A copy of slots {@code from} (inclusive) to {@code to} (exclusive), as slots 0 to to - from. */
    Latencies slice(int from, int to) {
        var slice = new Latencies(to - from);
        System.arraycopy(nanos, from, slice.nanos, 0, to - from);
        return slice;
    }

    /** The nearest-rank percentile in milliseconds over the first {@code count} slots. */
    double percentileMillis(int count, double percentile) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100 * count);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
