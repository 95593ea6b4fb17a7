// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documents of a retrieve bench run, generated as files under {@code source}: one document of each memory
 * size (the large one among them), and the small ones. Each has its own pseudo-random content, so each is stored
 * as a file of its own.
 *
 * @param bySize the document of each memory size in MiB, ascending; the large document is one of them.
 * @param large  the document retrieved alone for throughput.
 * @param smalls the small documents.
 */
record BenchDocuments(Map<Integer, SourceDocument> bySize, SourceDocument large, List<SourceDocument> smalls) {

    static BenchDocuments generate(RetrieveOptions options, Path source) throws IOException {
        var bySize = new LinkedHashMap<Integer, SourceDocument>();
        for (int mib : options.memorySizes()) {
            bySize.put(mib, SourceDocument.generate("1.2.250.1.999.8.1." + mib, source.resolve("large-" + mib),
                    mib * SourceDocument.MIB, mib));
        }
        var smalls = new ArrayList<SourceDocument>();
        for (int i = 1; i <= options.smallCount(); i++) {
            smalls.add(SourceDocument.generate("1.2.250.1.999.8.2." + i, source.resolve("small-" + i),
                    options.smallMib() * SourceDocument.MIB, 1_000_000L + i));
        }
        return new BenchDocuments(bySize, bySize.get(options.largeMib()), List.copyOf(smalls));
    }

    List<SourceDocument> all() {
        var all = new ArrayList<>(bySize.values());
        all.addAll(smalls);
        return all;
    }

    /** Fails unless the repository stored every document, whole, where its content key says. */
    void checkStored(Path documentsDirectory) throws IOException {
        for (SourceDocument document : all()) {
            Path stored = document.storedIn(documentsDirectory);
            if (!Files.isRegularFile(stored) || Files.size(stored) != document.size()) {
                throw new IllegalStateException("the repository did not store " + document.uniqueId() + " as "
                        + stored);
            }
        }
    }

    /** Removes a directory tree, if there is one. */
    static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
