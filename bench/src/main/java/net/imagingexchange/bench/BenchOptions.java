// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.nio.file.Path;
import java.util.Set;

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
        var a = BenchArgs.parse(USAGE, Set.of("--submissions", "--patients", "--queries", "--threads", "--rounds",
                "--jdbc-url", "--db-user", "--db-password", "--work-dir"), args);
        return new BenchOptions(a.integer("--submissions", 100_000), a.integer("--patients", 0),
                a.integer("--queries", 2000), a.integer("--threads", 4), a.integer("--rounds", 10),
                a.string("--jdbc-url", null), a.string("--db-user", "bench"), a.string("--db-password", "bench"),
                a.path("--work-dir", Path.of("target", "registry-bench")));
    }
}
