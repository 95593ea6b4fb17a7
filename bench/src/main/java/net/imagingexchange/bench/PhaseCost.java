// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.sql.SQLException;
import java.util.Locale;

/**
 * What one side spent on its share of the timed work, summed over the rounds: wall-clock time, SQL statements the
 * server received, and CPU seconds of this JVM and of the MariaDB server.
 */
final class PhaseCost {

    private final MariaDbServer server;
    private final CpuClock cpu;
    private long nanos;
    private long statements;
    private double jvmSeconds;
    private double serverSeconds;

    PhaseCost(MariaDbServer server, CpuClock cpu) {
        this.server = server;
        this.cpu = cpu;
    }

    /** Runs one slice of work and adds what it cost. */
    void measure(Runnable work) throws SQLException {
        long statementsBefore = server.statements();
        double[] cpuBefore = cpu.now();
        long start = System.nanoTime();
        work.run();
        nanos += System.nanoTime() - start;
        double[] cpuAfter = cpu.now();
        // the status query itself is one statement
        statements += server.statements() - statementsBefore - 1;
        jvmSeconds += cpuAfter[0] - cpuBefore[0];
        serverSeconds += cpuAfter[1] - cpuBefore[1];
    }

    long nanos() {
        return nanos;
    }

    /** Statements and CPU milliseconds (JVM, MariaDB) per unit of work. */
    String perUnit(int units) {
        return String.format(Locale.ROOT, "%.1f statements, CPU %.2f ms in the JVM + %.2f ms in MariaDB",
                (double) statements / units, jvmSeconds * 1000 / units, serverSeconds * 1000 / units);
    }
}
