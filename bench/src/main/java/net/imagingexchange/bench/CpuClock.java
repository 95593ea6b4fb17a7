// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used so far by this JVM and by the MariaDB server, from {@code /proc/PID/stat} (utime + stime), so a
 * phase's cost can be split between the two processes. Reads 0 where there is no {@code /proc}.
 */
final class CpuClock {

    /** Clock ticks per second of {@code /proc/PID/stat}; 100 on every Linux the bench runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private final Path jvm = Path.of("/proc/self/stat");
    private final Path server;

    /** @param serverPid the MariaDB server's process id, or -1 when it is not on this machine. */
    CpuClock(long serverPid) {
        this.server = serverPid > 0 ? Path.of("/proc/" + serverPid + "/stat") : null;
    }

    /** CPU seconds of [this JVM, the MariaDB server] so far. */
    double[] now() {
        return new double[] {seconds(jvm), server == null ? 0 : seconds(server)};
    }

    private static double seconds(Path stat) {
        try {
            String text = Files.readString(stat);
            // the fields after the parenthesised command name; utime and stime are fields 14 and 15
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
