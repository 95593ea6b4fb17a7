// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bench's result table: each figure of ours next to the limit's, their ratio, and the target check, printed,
 * never asserted. The registry bench's ratio is a cost (how many times the limit's cost ours is: its rate over ours
 * for throughput, ours over its for latency); the retrieve bench's is a speed (ours as a fraction of the limit's
 * speed: our rate over its, its time over ours). A row without a limit (a memory figure) prints "-" there.
 */
final class BenchReport {

    /** A target a figure is checked against; {@code null} fields mean the row has none. */
    record Target(String text, boolean met) {
    }

    private record Row(String name, String unit, double ours, double limit, double ratio, Target target) {
    }

    private final List<String> header = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String limitColumn = "limit";

    /** The limit column's title, "limit" unless set (the DICOM store bench's is a peer, storescp). */
    void limitColumn(String title) {
        limitColumn = title;
    }

    void header(String line) {
        header.add(line);
    }

    void note(String line) {
        notes.add(line);
    }

    /** A throughput row: higher is better; the ratio is limit / ours. */
    void rate(String name, double ours, double limit, Target target) {
        rows.add(new Row(name, "/s", ours, limit, limit / ours, target));
    }

    /** A latency row in milliseconds: lower is better; the ratio is ours / limit. */
    void latency(String name, double ours, double limit, Target target) {
        rows.add(new Row(name, "ms", ours, limit, ours / limit, target));
    }

    /** A throughput row as a speed: higher is better; the ratio is ours / limit (1.00: as fast as the limit). */
    void speed(String name, String unit, double ours, double limit, Target target) {
        rows.add(new Row(name, unit, ours, limit, ours / limit, target));
    }

    /** A duration row as a speed: lower is better; the ratio is limit / ours (1.00: as fast as the limit). */
    void duration(String name, String unit, double ours, double limit) {
        rows.add(new Row(name, unit, ours, limit, limit / ours, null));
    }

    /** A duration row with a target. */
    void duration(String name, String unit, double ours, double limit, Target target) {
        rows.add(new Row(name, unit, ours, limit, limit / ours, target));
    }

    /** A figure of ours alone, with no limit to compare it with. */
    void figure(String name, String unit, double ours, Target target) {
        rows.add(new Row(name, unit, ours, Double.NaN, Double.NaN, target));
    }

    void print(PrintStream out) {
        header.forEach(out::println);
        out.println();
        int width = Math.max(36, rows.stream().mapToInt(r -> r.name().length() + r.unit().length() + 3).max()
                .orElse(0));
        out.printf(Locale.ROOT, "%-" + width + "s %12s %12s %9s  %-22s %s%n", "figure", "ours", limitColumn, "ratio",
                "target", "result");
        for (Row row : rows) {
            out.printf(Locale.ROOT, "%-" + width + "s %12s %12s %9s  %-22s %s%n", row.name() + " (" + row.unit() + ")",
                    format(row.ours()), format(row.limit()),
                    Double.isNaN(row.ratio()) ? "-" : String.format(Locale.ROOT, "%.2fx", row.ratio()),
                    row.target() == null ? "-" : row.target().text(),
                    row.target() == null ? "-" : row.target().met() ? "PASS" : "MISS");
        }
        out.println();
        notes.forEach(out::println);
    }

    void write(Path file) throws IOException {
        try (var out = new PrintStream(Files.newOutputStream(file), true, "UTF-8")) {
            print(out);
        }
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
