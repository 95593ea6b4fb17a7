// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
        int large = 200;
        int smallCount = 100;
        int smallMib = 1;
        int threads = 4;
        int batch = 10;
        int rounds = 5;
        int warmup = 3000;
        List<Integer> rss = List.of(50);
        Path jar = null;
        List<String> jvm = List.of("-Xmx1g");
        String repository = "1.3.6.1.4.1.21367.2005.13.20.1000.3.1";
        Path work = Path.of("target", "retrieve-bench");
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (name) {
                case "--large-mib" -> large = Integer.parseInt(value);
                case "--small-count" -> smallCount = Integer.parseInt(value);
                case "--small-mib" -> smallMib = Integer.parseInt(value);
                case "--threads" -> threads = Integer.parseInt(value);
                case "--batch" -> batch = Integer.parseInt(value);
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--rss-mib" -> rss = value.isBlank() ? List.of()
                        : Arrays.stream(value.split(",")).map(String::strip).map(Integer::valueOf).toList();
                case "--exchange-jar" -> jar = Path.of(value);
                case "--exchange-java-opts" -> jvm = value.isBlank() ? List.of()
                        : Arrays.asList(value.strip().split("\\s+"));
                case "--repository-unique-id" -> repository = value;
                case "--work-dir" -> work = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
            }
        }
        return new RetrieveOptions(large, smallCount, smallMib, threads, batch, rounds, warmup, rss, jar, jvm,
                repository, work);
    }
}
