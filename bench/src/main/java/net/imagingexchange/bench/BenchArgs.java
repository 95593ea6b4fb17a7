// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A bench's command line: {@code --name value} pairs, each name one the bench knows, read with defaults. */
final class BenchArgs {

    private final Map<String, String> values = new HashMap<>();

    private BenchArgs() {
    }

    /** Parses {@code args}; an unknown name or a name without a value is refused with {@code usage}. */
    static BenchArgs parse(String usage, Set<String> names, String... args) {
        var parsed = new BenchArgs();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (!names.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name + "\n" + usage);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value\n" + usage);
            }
            parsed.values.put(name, args[i + 1]);
        }
        return parsed;
    }

    String string(String name, String absent) {
        return values.getOrDefault(name, absent);
    }

    int integer(String name, int absent) {
        String value = values.get(name);
        return value == null ? absent : Integer.parseInt(value);
    }

    Path path(String name, Path absent) {
        String value = values.get(name);
        return value == null ? absent : Path.of(value);
    }

    /** Whitespace-separated words (e.g. JVM options); blank means none. */
    List<String> words(String name, List<String> absent) {
        String value = values.get(name);
        return value == null ? absent : value.isBlank() ? List.of() : Arrays.asList(value.strip().split("\\s+"));
    }

    /** Comma-separated integers; blank means none. */
    List<Integer> integers(String name, List<Integer> absent) {
        String value = values.get(name);
        return value == null ? absent : value.isBlank() ? List.of()
                : Arrays.stream(value.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }
}
