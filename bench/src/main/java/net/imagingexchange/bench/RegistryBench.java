// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Registry benchmark: registers {@code --submissions} ITI-42 submissions over HTTP with our registry running in this
 * JVM, and the same rows with plain JDBC as the limit, then times FindDocuments and FindDocumentsByReferenceId on
 * both, and prints the figures side by side with their ratios. Targets (issue): FindDocuments p99 under 50 ms at
 * 100,000 entries; registration within 3x of the plain-JDBC limit. Run it with {@code bench/registry.sh}.
 */
public final class RegistryBench {

    static final String ITI42_ACTION = "urn:ihe:iti:2007:RegisterDocumentSet-b";
    static final double REGISTRATION_TARGET = 3.0;
    static final double FIND_DOCUMENTS_P99_TARGET_MS = 50.0;

    private final BenchOptions options;
    private final Workload workload;
    private final BenchReport report = new BenchReport();

    private RegistryBench(BenchOptions options) {
        this.options = options;
        this.workload = new Workload(options.patients());
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Files.createDirectories(options.workDirectory());
        new RegistryBench(options).run();
        // the registry's non-daemon threads (Tomcat, CXF) are gone with the context; nothing else keeps the JVM
        System.exit(0);
    }

    private void run() throws Exception {
        var server = new MariaDbServer(options.jdbcBaseUrl(), options.dbUser(), options.dbPassword());
        var registryDb = server.createDatabase("bench_registry");
        var limitDb = server.createDatabase("bench_limit");
        MariaDbServer.applyRegistrySchema(limitDb);
        header(server.version());
        var logFile = options.workDirectory().resolve("registry.log");
        try (var registry = InProcessRegistry.start(new InProcessRegistry.Setup(registryDb.url(),
                registryDb.user(), registryDb.password(), logFile))) {
            var iti42 = new SoapPoster(registry.iti42(), ITI42_ACTION);
            register(iti42, Workload.CALIBRATION);
            SubmissionRowsTemplate template;
            try (var connection = registryDb.connect()) {
                template = SubmissionRowsTemplate.capture(connection, Workload.CALIBRATION);
            }
            try (var limit = new PlainJdbcLimit(limitDb, template, workload, options.threads())) {
                limit.register(0, Workload.CALIBRATION);
                registrations(iti42, limit, server);
                report.note("registry database: " + MariaDbServer.documentEntryStats(registryDb));
                report.note("limit database:    " + MariaDbServer.documentEntryStats(limitDb));
                queries(new QueryPhase(new SoapPoster(registry.iti18(), StoredQueries.ACTION), limit, workload,
                        options));
            }
        }
        report.note(String.format(Locale.ROOT, "peak RSS of this JVM (registry + clients + limit): %s;"
                + " registry log: %s", peakRss(), logFile));
        report.print(System.out);
        report.write(options.workDirectory().resolve("report.txt"));
    }

    private void header(String mariaDbVersion) {
        report.header(String.format(Locale.ROOT, "Registry bench: %,d submissions (1 KOS DocumentEntry each) over %,d"
                        + " patients, %d client threads, %,d timed queries of each kind, %d alternating rounds",
                options.submissions(), options.patients(), options.threads(), options.queries(), options.rounds()));
        report.header(String.format(Locale.ROOT, "MariaDB %s (same server for both sides); Java %s, %d CPUs,"
                        + " max heap %d MiB", mariaDbVersion, Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20));
        report.header("ours = the registry over HTTP (ITI-42 / ITI-18 SOAP, java.net.http clients);"
                + " limit = plain JDBC, same rows, same tables, one transaction per submission");
    }

    private void registrations(SoapPoster iti42, PlainJdbcLimit limit, MariaDbServer server) throws Exception {
        int warmup = options.warmupSubmissions();
        int n = options.submissions();
        var ours = new Latencies(n);
        var limits = new Latencies(n);
        ConcurrentRun.Unit oursUnit = (w, i) -> {
            String envelope = workload.envelope(i);
            long start = System.nanoTime();
            String answer = iti42.post(envelope);
            ours.record(i, System.nanoTime() - start);
            if (!SoapPoster.isSuccess(answer)) {
                throw new IllegalStateException("submission " + i + " refused: " + SoapPoster.firstError(answer));
            }
        };
        ConcurrentRun.Unit limitUnit = (w, i) -> {
            long start = System.nanoTime();
            limit.register(w, i);
            limits.record(i, System.nanoTime() - start);
        };
        progress("warm-up: %d submissions on each side", warmup);
        ConcurrentRun.run(options.threads(), 0, warmup, oursUnit);
        ConcurrentRun.run(options.threads(), 0, warmup, limitUnit);
        var cpu = new CpuClock(server.pid());
        var oursCost = new PhaseCost(server, cpu);
        var limitCost = new PhaseCost(server, cpu);
        for (int r = 0; r < options.rounds(); r++) {
            int from = warmup + (int) ((long) (n - warmup) * r / options.rounds());
            int to = warmup + (int) ((long) (n - warmup) * (r + 1) / options.rounds());
            long oursBefore = oursCost.nanos();
            long limitBefore = limitCost.nanos();
            oursCost.measure(() -> ConcurrentRun.run(options.threads(), from, to, oursUnit));
            limitCost.measure(() -> ConcurrentRun.run(options.threads(), from, to, limitUnit));
            progress("round %d/%d: submissions %d-%d, ours %.0f/s, limit %.0f/s", r + 1, options.rounds(), from,
                    to - 1, rate(to - from, oursCost.nanos() - oursBefore),
                    rate(to - from, limitCost.nanos() - limitBefore));
        }
        int timed = n - warmup;
        double oursRate = rate(timed, oursCost.nanos());
        double limitRate = rate(timed, limitCost.nanos());
        report.rate("ITI-42 registration", oursRate, limitRate, new BenchReport.Target(
                "within " + REGISTRATION_TARGET + "x of limit", limitRate / oursRate <= REGISTRATION_TARGET));
        report.note("per timed submission, ours:  " + oursCost.perUnit(timed)
                + " (the JVM's share includes the HTTP clients)");
        report.note("per timed submission, limit: " + limitCost.perUnit(timed));
        var oursTimed = ours.slice(warmup, n);
        var limitTimed = limits.slice(warmup, n);
        report.latency("ITI-42 latency p50", oursTimed.percentileMillis(timed, 50),
                limitTimed.percentileMillis(timed, 50), null);
        report.latency("ITI-42 latency p99", oursTimed.percentileMillis(timed, 99),
                limitTimed.percentileMillis(timed, 99), null);
    }

    private void queries(QueryPhase phase) {
        Optional<String> notReady = phase.probe();
        if (notReady.isPresent()) {
            report.note("ITI-18 queries: PENDING, the registry answers FindDocuments with " + notReady.get());
            return;
        }
        progress("queries: FindDocuments");
        var find = phase.findDocuments();
        latencyRows("FindDocuments", find, true);
        progress("queries: FindDocumentsByReferenceId");
        latencyRows("FindDocumentsByReferenceId", phase.findDocumentsByReferenceId(), false);
    }

    private void latencyRows(String name, QueryPhase.Result result, boolean targeted) {
        double oursP99 = result.ours().percentileMillis(result.timed(), 99);
        report.latency(name + " p50", result.ours().percentileMillis(result.timed(), 50),
                result.limit().percentileMillis(result.timed(), 50), null);
        report.latency(name + " p99", oursP99, result.limit().percentileMillis(result.timed(), 99),
                targeted ? new BenchReport.Target("< " + FIND_DOCUMENTS_P99_TARGET_MS + " ms",
                        oursP99 < FIND_DOCUMENTS_P99_TARGET_MS) : null);
        if (result.wrongAnswers() > 0) {
            report.note(name + ": " + result.wrongAnswers() + " WRONG ANSWERS, first: " + result.firstWrongAnswer());
        }
    }

    private void register(SoapPoster iti42, int submission) {
        String answer = iti42.post(workload.envelope(submission));
        if (!SoapPoster.isSuccess(answer)) {
            throw new IllegalStateException("the registry refused the calibration submission: "
                    + SoapPoster.firstError(answer));
        }
    }

    private static double rate(int count, long nanos) {
        return count / (nanos / 1e9);
    }

    private static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[bench] " + format + "%n", args);
    }

    /** VmHWM: the most resident memory this process has had. */
    private static String peakRss() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return "unknown (no /proc)";
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM:"))
                .map(l -> l.substring("VmHWM:".length()).strip()).findFirst().orElse("unknown");
    }
}
