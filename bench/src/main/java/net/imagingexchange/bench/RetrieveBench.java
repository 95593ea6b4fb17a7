// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Repository retrieve benchmark: provides a large document and many small ones to the exchange (its fat jar, in a
 * JVM of its own) over ITI-41, then times their retrieval over ITI-43 against the limit, a plain HTTP download of
 * the same stored files, and measures the exchange's peak RSS retrieving documents of growing size. Targets
 * (issue): ITI-43 throughput at least 0.7 of the plain download's, for the large document and for the small ones;
 * peak RSS growing by less than {@value #RSS_GROWTH_TARGET_MIB} MiB from the smallest to the largest document.
 * Run it with {@code bench/repository.sh}.
 */
public final class RetrieveBench {

    static final double THROUGHPUT_TARGET = 0.7;
    static final int RSS_GROWTH_TARGET_MIB = 64;

    private final RetrieveOptions options;
    private final Path data;
    private final Path documentsDirectory;
    private final BenchReport report = new BenchReport();

    private RetrieveBench(RetrieveOptions options) {
        this.options = options;
        this.data = options.workDirectory().resolve("data").toAbsolutePath();
        // the repository's content-addressed store (RepositoryProperties.documentsDirectory)
        this.documentsDirectory = data.resolve("repository").resolve("documents");
    }

    public static void main(String[] args) throws Exception {
        RetrieveOptions options;
        try {
            options = RetrieveOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Files.createDirectories(options.workDirectory());
        BlockingHttp.keepAlive(options.threads());
        new RetrieveBench(options).run();
        System.exit(0);
    }

    private void run() throws Exception {
        header();
        BenchDocuments documents = prepare();
        provide(documents);
        var probes = new ArrayList<MemoryProbe>();
        for (int mib : options.memorySizes()) {
            if (mib != options.largeMib()) {
                try (var exchange = startExchange("exchange-memory-" + mib + ".log")) {
                    progress("memory: retrieving %d MiB in a fresh exchange JVM", mib);
                    probes.add(probe(exchange, documents, documents.bySize().get(mib)));
                }
            }
        }
        try (var exchange = startExchange("exchange-retrieve.log"); var server = startLimit()) {
            var ours = new Iti43Client(exchange.iti43(), options.repositoryUniqueId());
            var limit = new PlainDownload(server.base());
            progress("memory: retrieving %d MiB in a fresh exchange JVM", options.largeMib());
            probes.add(probe(exchange, documents, documents.large()));
            warmUp(documents, ours, limit);
            var rounds = new RetrievalRounds(options, documents, ours, limit, report);
            progress("timed: the %d MiB document, %d rounds", options.largeMib(), options.rounds());
            rounds.large();
            progress("timed: %d documents of %d MiB, %d rounds", options.smallCount(), options.smallMib(),
                    options.rounds());
            rounds.small();
            probes.sort(Comparator.comparingInt(MemoryProbe::mib));
            memory(probes);
            report.note(String.format(Locale.ROOT, "peak RSS of the timed exchange JVM from its %d MiB retrieval to the"
                    + " end (warm-up and timed work included): %.0f MiB", options.largeMib(),
                    exchange.jvm().peakRssKib() / 1024.0));
        }
        report.note("ratio = our speed / the limit's (1.00: as fast as a plain download of the same files);"
                + " logs and data: " + options.workDirectory().toAbsolutePath());
        report.print(System.out);
        report.write(options.workDirectory().resolve("report.txt"));
    }

    private void header() {
        report.header(String.format(Locale.ROOT, "Retrieve bench: ITI-43 of 1 document of %d MiB and of %d documents"
                        + " of %d MiB (%d client threads), %d alternating rounds after %d warm-up requests; peak RSS"
                        + " retrieving %s MiB", options.largeMib(), options.smallCount(), options.smallMib(),
                options.threads(), options.rounds(), options.warmup(),
                options.memorySizes().stream().map(String::valueOf).collect(Collectors.joining(", "))));
        report.header(String.format(Locale.ROOT, "Java %s (%s), %s %s %s, %d CPUs; exchange JVM: %s -jar %s,"
                        + " embedded H2, data under %s", Runtime.version(), System.getProperty("java.vm.vendor"),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), String.join(" ", options.exchangeJvmOptions()),
                options.exchangeJar(), data));
        report.header("ours = ITI-43 SOAP 1.2 over HTTP/1.1 on loopback, the MTOM answer streamed (HttpURLConnection)"
                + " and parsed as it arrives; limit = plain HTTP GET of the same stored files from the JDK's HttpServer"
                + " in a JVM of its own (same JVM options), same client, same threads");
    }

    /** Fresh data: the documents written as files, the exchange's data directory emptied. */
    private BenchDocuments prepare() throws IOException {
        BenchDocuments.delete(data);
        Path source = options.workDirectory().resolve("source");
        BenchDocuments.delete(source);
        progress("writing %d MiB of pseudo-random documents under %s", options.memorySizes().stream()
                .mapToInt(Integer::intValue).sum() + options.smallCount() * options.smallMib(), source);
        return BenchDocuments.generate(options, source);
    }

    /** ITI-41 of every document, in an exchange JVM of its own so that the upload leaves no trace in the RSS. */
    private void provide(BenchDocuments documents) throws Exception {
        try (var exchange = startExchange("exchange-provide.log")) {
            var iti41 = new Iti41Provider(exchange.iti41());
            for (SourceDocument document : documents.bySize().values()) {
                progress("ITI-41: %s, %.0f MiB", document.uniqueId(), document.mebibytes());
                long start = System.nanoTime();
                iti41.provide(List.of(document));
                long nanos = System.nanoTime() - start;
                report.note(String.format(Locale.ROOT, "ITI-41 of 1 x %.0f MiB: %.2f s (%.0f MiB/s), Success",
                        document.mebibytes(), nanos / 1e9, RetrievalRounds.mibPerSecond(document.mebibytes(), nanos)));
            }
            progress("ITI-41: %d documents of %d MiB, one per submission", options.smallCount(), options.smallMib());
            var smalls = documents.smalls();
            long nanos = ConcurrentRun.run(options.threads(), 0, smalls.size(),
                    (w, i) -> iti41.provide(List.of(smalls.get(i))));
            report.note(String.format(Locale.ROOT, "ITI-41 of %d x %d MiB, one per submission, %d threads: %.2f s"
                            + " (%.0f MiB/s), all Success; exchange started in %.0f s, peak RSS %.0f MiB",
                    smalls.size(), options.smallMib(), options.threads(), nanos / 1e9,
                    RetrievalRounds.mibPerSecond(smalls.size() * (double) options.smallMib(), nanos),
                    exchange.startSeconds(), exchange.jvm().peakRssKib() / 1024.0));
        }
        documents.checkStored(documentsDirectory);
    }

    /** Checked retrievals (SHA-1) of every small document, then the peak RSS of retrieving {@code document}. */
    private MemoryProbe probe(ExchangeJvm exchange, BenchDocuments documents, SourceDocument document) {
        var iti43 = new Iti43Client(exchange.iti43(), options.repositoryUniqueId());
        var smalls = documents.smalls();
        return MemoryProbe.measure(exchange, document,
                () -> ConcurrentRun.run(options.threads(), 0, smalls.size(),
                        (w, i) -> iti43.retrieve(List.of(smalls.get(i)), true)),
                () -> iti43.retrieve(List.of(document), true));
    }

    /**
     * Untimed: every document once more on each side, checked (SHA-1): the limit's downloads and our batched
     * requests (ours one by one ran in the probe); then {@code --warmup} requests of one small document and one of
     * the large document on each side, only counted.
     */
    private void warmUp(BenchDocuments documents, Iti43Client ours, PlainDownload limit) {
        progress("warm-up: every document once on each side, SHA-1 checked, then %d requests on each side",
                options.warmup());
        var smalls = documents.smalls();
        int n = smalls.size();
        limit.download(documents.large(), true);
        ConcurrentRun.run(options.threads(), 0, n, (w, i) -> limit.download(smalls.get(i), true));
        int batch = options.batch();
        if (batch > 0) {
            ConcurrentRun.run(options.threads(), 0, (n + batch - 1) / batch, (w, k) -> ours.retrieve(
                    smalls.subList(k * batch, Math.min(n, (k + 1) * batch)), true));
        }
        ConcurrentRun.run(options.threads(), 0, options.warmup(),
                (w, i) -> ours.retrieve(List.of(smalls.get(i % n)), false));
        ConcurrentRun.run(options.threads(), 0, options.warmup(), (w, i) -> limit.download(smalls.get(i % n), false));
        ours.retrieve(List.of(documents.large()), false);
        limit.download(documents.large(), false);
    }

    private void memory(List<MemoryProbe> probes) {
        for (MemoryProbe probe : probes) {
            report.figure("exchange RSS added retrieving " + probe.mib() + " MiB", "MiB", probe.addedMib(), null);
        }
        report.note("RSS of the exchange JVM retrieving one document, each size in an exchange started for it and"
                + " warmed up by retrieving every small document once (VmHWM reset just before the retrieval):");
        probes.forEach(p -> report.note(p.describe()));
        if (probes.size() > 1) {
            double growth = MemoryProbe.growth(probes);
            report.figure("  growth " + probes.get(0).mib() + " -> " + probes.get(probes.size() - 1).mib() + " MiB",
                    "MiB", growth, new BenchReport.Target("< " + RSS_GROWTH_TARGET_MIB + " MiB",
                            growth < RSS_GROWTH_TARGET_MIB));
        }
    }

    private ExchangeJvm startExchange(String log) throws IOException, InterruptedException {
        progress("starting the exchange (%s)", log);
        return ExchangeJvm.start(options, data, options.workDirectory().resolve(log));
    }

    /** The limit's file server over the repository's documents directory; closing it stops it. */
    private LimitServer startLimit() throws IOException, InterruptedException {
        int port = ChildJvm.freePort();
        var jvm = ChildJvm.start("the plain file server", options.exchangeJvmOptions(),
                List.of("-cp", System.getProperty("java.class.path"), PlainFileServer.class.getName(),
                        documentsDirectory.toString(), Integer.toString(port)),
                options.workDirectory().resolve("plain-file-server.log"),
                URI.create("http://127.0.0.1:" + port + "/health"), Duration.ofMinutes(1));
        return new LimitServer(jvm, URI.create("http://127.0.0.1:" + port + "/"));
    }

    private record LimitServer(ChildJvm jvm, URI base) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            jvm.close();
        }
    }

    static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[bench] " + format + "%n", args);
    }
}
