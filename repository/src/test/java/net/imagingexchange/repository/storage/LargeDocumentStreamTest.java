// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.imagingexchange.repository.testing.Documents;
import net.imagingexchange.repository.testing.PatternStream;

/**
 * STYLE.md Streaming: a document twice as large as the heap of this test JVM (surefire execution
 * {@code large-streams}, {@code -Xmx256m}) goes into the store and back out, hashed on the way, never whole in memory.
 */
@Tag("large-stream")
class LargeDocumentStreamTest {

    private static final long SIZE = 512L * 1024 * 1024;

    @TempDir
    Path root;

    @Test
    void streamsADocumentLargerThanTheHeapInAndOut() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("run with a heap smaller than the document")
                .isLessThanOrEqualTo(SIZE / 2);
        var store = new FileDocumentStore(root);

        StoredContent stored = store.put(new PatternStream(SIZE), -1);

        assertThat(stored.size()).isEqualTo(SIZE);
        assertThat(stored.sha1()).isEqualTo(Documents.sha1(new PatternStream(SIZE)));
        try (InputStream back = store.open(stored.key())) {
            assertThat(Documents.sha1(back)).isEqualTo(stored.sha1());
        }
    }
}
