// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Settings of one retrieve bench run, from the command line ({@code repository.sh} passes the jar and JVM ones).
 *
 * @param largeMib     size of the large document, retrieved alone in one request.
 * @param smallCount   number of small documents.
 * @param smallMib     size of each small document.
 * @param threads      client threads retrieving the small documents (and downloading them for the limit).
 * @param batch        documents per request in the second small-document variant; 0 leaves it out.
 * @param rounds       timed retrievals of each kind, run alternately for us and for the limit.
 * @param warmup       untimed requests of one small document on each side before the timed ones: the exchange's
 *                     request path (CXF, JAXB, Tomcat, H2) takes a few thousand requests to be compiled by the JIT
 *                     on 2 CPUs, and a long-running exchange is measured, not a cold one.
 * @param rssMib       further sizes whose retrieval's peak RSS is measured, each in a freshly started exchange,
 *                     beside {@code largeMib}.
 * @param exchangeJar  the exchange's fat jar.
 * @param exchangeJvmOptions options of the exchange's JVM, and of the limit's file server JVM.
 * @param repositoryUniqueId the exchange's repository OID (its default), which every ITI-43 request names.
 * @param workDirectory data, logs and report go here; its {@code data} and {@code source} are replaced.
 */
public record RetrieveOptions(int largeMib, int smallCount, int smallMib, int threads, int batch, int rounds,
                              int warmup, List<Integer> rssMib, Path exchangeJar, List<String> exchangeJvmOptions,
                              String repositoryUniqueId, Path workDirectory) {

    static final String USAGE = """
            usage: RetrieveBench --exchange-jar exchange/target/exchange.jar
                                 [--large-mib 200] [--small-count 100] [--small-mib 1] [--threads 4] [--batch 10]
                                 [--rounds 5] [--warmup 3000] [--rss-mib 50 (comma-separated)]
                                 [--exchange-java-opts "-Xmx1g"]
                                 [--repository-unique-id OID] [--work-dir target/retrieve-bench]""";

    public RetrieveOptions {
        if (largeMib < 1 || smallCount < 1 || smallMib < 1 || threads < 1 || batch < 0 || rounds < 1 || warmup < 0) {
            throw new IllegalArgumentException("sizes, counts, --threads and --rounds must be at least 1, --batch"
                    + " and --warmup at least 0");
        }
        if (rssMib.stream().anyMatch(m -> m < 1)) {
            throw new IllegalArgumentException("--rss-mib sizes must be at least 1");
        }
        if (exchangeJar == null) {
            throw new IllegalArgumentException("--exchange-jar is required\n" + USAGE);
        }
    }

    /** Every size whose retrieval's RSS is measured, ascending: the {@code --rss-mib} ones and the large one. */
    List<Integer> memorySizes() {
        var sizes = new TreeSet<>(rssMib);
        sizes.add(largeMib);
        return List.copyOf(sizes);
    }

    public static RetrieveOptions parse(String... args) {
        var a = BenchArgs.parse(USAGE, Set.of("--large-mib", "--small-count", "--small-mib", "--threads", "--batch",
                "--rounds", "--warmup", "--rss-mib", "--exchange-jar", "--exchange-java-opts",
                "--repository-unique-id", "--work-dir"), args);
        return new RetrieveOptions(a.integer("--large-mib", 200), a.integer("--small-count", 100),
                a.integer("--small-mib", 1), a.integer("--threads", 4), a.integer("--batch", 10),
                a.integer("--rounds", 5), a.integer("--warmup", 3000), a.integers("--rss-mib", List.of(50)),
                a.path("--exchange-jar", null), a.words("--exchange-java-opts", List.of("-Xmx1g")),
                a.string("--repository-unique-id", "1.3.6.1.4.1.21367.2005.13.20.1000.3.1"),
                a.path("--work-dir", Path.of("target", "retrieve-bench")));
    }
}
