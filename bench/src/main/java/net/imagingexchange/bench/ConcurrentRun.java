// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs numbered units of work on a fixed number of threads that each take the next number until none is left, as
 * that many independent clients would. The first failure stops every thread and is thrown.
 */
final class ConcurrentRun {

    /** One unit of work: a submission to register, a query to run. */
    @FunctionalInterface
    interface Unit {
        void run(int worker, int number) throws Exception;
    }

    private ConcurrentRun() {
    }

    /** Runs {@code from} (inclusive) to {@code to} (exclusive); returns the wall-clock nanoseconds it took. */
    static long run(int threads, int from, int to, Unit unit) {
        var next = new AtomicInteger(from);
        var failure = new AtomicReference<Throwable>();
        var workers = new ArrayList<Thread>();
        long start = System.nanoTime();
        for (int w = 0; w < threads; w++) {
            int worker = w;
            var thread = new Thread(() -> {
                for (int n = next.getAndIncrement(); n < to && failure.get() == null; n = next.getAndIncrement()) {
                    try {
                        unit.run(worker, n);
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }, "bench-client-" + w);
            thread.start();
            workers.add(thread);
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        long elapsed = System.nanoTime() - start;
        if (failure.get() != null) {
            throw new IllegalStateException("work item failed: " + failure.get().getMessage(), failure.get());
        }
        return elapsed;
    }
}
