// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Times FindDocuments and FindDocumentsByReferenceId one request at a time, ours over HTTP and the limit's SELECTs,
 * on the same pseudo-random patients and reference IDs (seeded, so runs compare), in alternating slices. Every
 * answer's entry count is checked against what the workload registered; a wrong answer is reported.
 */
final class QueryPhase {

    /** One query kind's latencies on both sides, and the answers that had the wrong number of entries. */
    record Result(Latencies ours, Latencies limit, int timed, int wrongAnswers, String firstWrongAnswer) {
    }

    private final SoapPoster iti18;
    private final PlainJdbcLimit limit;
    private final Workload workload;
    private final BenchOptions options;

    QueryPhase(SoapPoster iti18, PlainJdbcLimit limit, Workload workload, BenchOptions options) {
        this.iti18 = iti18;
        this.limit = limit;
        this.workload = workload;
        this.options = options;
    }

    /** Empty when our FindDocuments answers Success; otherwise the error it answers (ITI-18 not ready). */
    Optional<String> probe() {
        String answer = iti18.post(StoredQueries.findDocuments(Workload.patientId(0)));
        return SoapPoster.isSuccess(answer) ? Optional.empty()
                : Optional.of(SoapPoster.firstError(answer));
    }

    Result findDocuments() {
        return run(new Kind() {
            public String ours(int submission) {
                return StoredQueries.findDocuments(Workload.patientId(workload.patientOf(submission)));
            }

            public int limit(int submission) throws Exception {
                return limit.findDocuments(Workload.patientId(workload.patientOf(submission)));
            }

            public int expected(int submission) {
                int patient = workload.patientOf(submission);
                int n = options.submissions();
                return n / workload.patients() + (patient < n % workload.patients() ? 1 : 0);
            }
        });
    }

    Result findDocumentsByReferenceId() {
        return run(new Kind() {
            public String ours(int submission) {
                return StoredQueries.findDocumentsByReferenceId(Workload.patientId(workload.patientOf(submission)),
                        referenceId(submission));
            }

            public int limit(int submission) throws Exception {
                return limit.findDocumentsByReferenceId(Workload.patientId(workload.patientOf(submission)),
                        referenceId(submission));
            }

            public int expected(int submission) {
                return 1;
            }
        });
    }

    /** Half the lookups use the accession number, half the Study Instance UID. */
    private static String referenceId(int submission) {
        return submission % 2 == 0 ? Workload.accession(submission) : Workload.studyInstanceUid(submission);
    }

    private interface Kind {
        String ours(int submission);

        int limit(int submission) throws Exception;

        int expected(int submission);
    }

    private Result run(Kind kind) {
        int warmup = options.warmupQueries();
        int total = warmup + options.queries();
        int[] submissions = new Random(20261127L).ints(total, 0, options.submissions()).toArray();
        var ours = new Latencies(total);
        var limits = new Latencies(total);
        var wrong = new AtomicInteger();
        var firstWrong = new AtomicReference<String>();
        ConcurrentRun.Unit oursUnit = (w, q) -> {
            String envelope = kind.ours(submissions[q]);
            long start = System.nanoTime();
            String answer = iti18.post(envelope);
            ours.record(q, System.nanoTime() - start);
            check(kind, submissions[q], SoapPoster.isSuccess(answer) ? SoapPoster.documentEntries(answer) : -1,
                    "ours: " + SoapPoster.firstError(answer), wrong, firstWrong);
        };
        ConcurrentRun.Unit limitUnit = (w, q) -> {
            long start = System.nanoTime();
            int entries = kind.limit(submissions[q]);
            limits.record(q, System.nanoTime() - start);
            check(kind, submissions[q], entries, "limit", wrong, firstWrong);
        };
        ConcurrentRun.run(1, 0, warmup, oursUnit);
        ConcurrentRun.run(1, 0, warmup, limitUnit);
        int rounds = Math.min(options.rounds(), options.queries());
        for (int r = 0; r < rounds; r++) {
            int from = warmup + (int) ((long) options.queries() * r / rounds);
            int to = warmup + (int) ((long) options.queries() * (r + 1) / rounds);
            ConcurrentRun.run(1, from, to, oursUnit);
            ConcurrentRun.run(1, from, to, limitUnit);
        }
        return new Result(timedOnly(ours, warmup, total), timedOnly(limits, warmup, total), options.queries(),
                wrong.get(), firstWrong.get());
    }

    private static void check(Kind kind, int submission, int entries, String side, AtomicInteger wrong,
                              AtomicReference<String> firstWrong) {
        int expected = kind.expected(submission);
        if (entries != expected) {
            wrong.incrementAndGet();
            firstWrong.compareAndSet(null, side + " returned " + entries + " entries for submission " + submission
                    + ", expected " + expected);
        }
    }

    private static Latencies timedOnly(Latencies all, int from, int to) {
        return all.slice(from, to);
    }
}
