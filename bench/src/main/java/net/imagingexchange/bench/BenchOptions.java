// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.nio.file.Path;

/**
 * Settings of one registry bench run, from the command line ({@code registry.sh} passes the database ones).
 *
 * @param submissions  ITI-42 submissions registered, and the same number of plain-JDBC submissions for the limit.
 * @param patients     patients the submissions are spread over, round robin; 0 means submissions / 10, so that
 *                     FindDocuments finds about ten entries per patient.
 * @param queries      timed queries of each kind (FindDocuments, FindDocumentsByReferenceId), for us and the limit.
 * @param threads      client threads posting ITI-42 requests, and plain-JDBC connections inserting for the limit.
 * @param rounds       the timed work is cut into this many slices, run alternately for us and the limit, so that
 *                     load from other processes on the machine falls on both sides alike.
 * @param jdbcBaseUrl  {@code jdbc:mysql://host:port/} of the MariaDB server; the bench creates its two databases.
 * @param dbUser       a user allowed to create databases.
 * @param dbPassword   its password.
 * @param workDirectory where the registry's log goes.
 */
public record BenchOptions(int submissions, int patients, int queries, int threads, int rounds, String jdbcBaseUrl,
                           String dbUser, String dbPassword, Path workDirectory) {

    static final String USAGE = """
            usage: RegistryBench --jdbc-url jdbc:mysql://127.0.0.1:PORT/ --db-user U --db-password P
                                 [--submissions 100000] [--patients 0 (= submissions/10)] [--queries 2000]
                                 [--threads 4] [--rounds 10] [--work-dir target/registry-bench]""";

    public BenchOptions {
        if (submissions < 100) {
            throw new IllegalArgumentException("--submissions must be at least 100");
        }
        patients = patients == 0 ? Math.max(1, submissions / 10) : patients;
        if (patients < 1 || patients > 999_999) {
            throw new IllegalArgumentException("--patients must be between 1 and 999999");
        }
        if (queries < 10 || threads < 1 || rounds < 1) {
            throw new IllegalArgumentException("--queries must be at least 10, --threads and --rounds at least 1");
        }
        if (jdbcBaseUrl == null || !jdbcBaseUrl.startsWith("jdbc:mysql://") || !jdbcBaseUrl.endsWith("/")) {
            throw new IllegalArgumentException("--jdbc-url must be jdbc:mysql://host:port/ (with the slash)");
        }
    }

    /** Submissions registered before timing starts (JIT, pools, buffer pool), on both sides alike. */
    int warmupSubmissions() {
        return Math.min(2000, Math.max(50, submissions / 20));
    }

    /** Queries of each kind run before timing starts. */
    int warmupQueries() {
        return Math.max(10, queries / 4);
    }

    public static BenchOptions parse(String... args) {
        int submissions = 100_000;
        int patients = 0;
        int queries = 2000;
        int threads = 4;
        int rounds = 10;
        String url = null;
        String user = "bench";
        String password = "bench";
        Path work = Path.of("target", "registry-bench");
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (name) {
                case "--submissions" -> submissions = Integer.parseInt(value);
                case "--patients" -> patients = Integer.parseInt(value);
                case "--queries" -> queries = Integer.parseInt(value);
                case "--threads" -> threads = Integer.parseInt(value);
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--jdbc-url" -> url = value;
                case "--db-user" -> user = value;
                case "--db-password" -> password = value;
                case "--work-dir" -> work = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
            }
        }
        return new BenchOptions(submissions, patients, queries, threads, rounds, url, user, password, work);
    }
}
