// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDocumentStoreTest {

    @TempDir
    Path root;

    @Test
    void storesBytesThatReadBackIdenticalWithTheirSha1AndSize() throws Exception {
        byte[] document = randomBytes(300_000, 1);
        var store = new FileDocumentStore(root);

        StoredContent stored = store.put(new ByteArrayInputStream(document), -1);

        assertThat(stored.size()).isEqualTo(document.length);
        assertThat(stored.sha1()).isEqualTo(hex("SHA-1", document));
        assertThat(stored.key().sha256()).isEqualTo(hex("SHA-256", document));
        try (InputStream in = store.open(stored.key())) {
            assertThat(in.readAllBytes()).isEqualTo(document);
        }
    }

    @Test
    void hashesTheEmptyDocument() throws Exception {
        var stored = new FileDocumentStore(root).put(InputStream.nullInputStream(), -1);

        assertThat(stored.size()).isZero();
        assertThat(stored.sha1()).isEqualTo("da39a3ee5e6b4b0d3255bfef95601890afd80709");
    }

    @Test
    void readsASourceThatDeliversOneByteAtATime() throws Exception {
        byte[] document = "KOS manifest bytes".getBytes(StandardCharsets.US_ASCII);
        var store = new FileDocumentStore(root);

        var stored = store.put(new OneByteAtATime(document), -1);

        try (InputStream in = store.open(stored.key())) {
            assertThat(in.readAllBytes()).isEqualTo(document);
        }
    }

    @Test
    void refusesADocumentAboveTheLimitAndKeepsNothingOfIt() throws Exception {
        var store = new FileDocumentStore(root);

        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(randomBytes(10_001, 2)), 10_000))
                .isInstanceOf(DocumentTooLargeException.class);

        assertThat(filesUnder(root)).isEmpty();
    }

    @Test
    void acceptsADocumentOfExactlyTheLimit() throws Exception {
        var stored = new FileDocumentStore(root).put(new ByteArrayInputStream(randomBytes(10_000, 3)), 10_000);

        assertThat(stored.size()).isEqualTo(10_000);
    }

    @Test
    void showsStagedContentOnlyOncePublishedAndDiscardsItOtherwise() throws Exception {
        var store = new FileDocumentStore(root);
        byte[] document = randomBytes(5_000, 4);

        ContentKey key;
        try (var staged = store.stage(new ByteArrayInputStream(document), -1)) {
            key = staged.content().key();
            assertThatThrownBy(() -> store.open(key)).isInstanceOf(NoSuchFileException.class);
        }

        assertThat(filesUnder(root)).isEmpty();
        try (var staged = store.stage(new ByteArrayInputStream(document), -1)) {
            staged.publish();
        }
        try (InputStream in = store.open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(document);
        }
    }

    @Test
    void keepsNothingWhenTheSourceFailsHalfway() throws Exception {
        var store = new FileDocumentStore(root);
        InputStream failing = new InputStream() {
            private int left = 100_000;

            @Override
            public int read() throws IOException {
                if (left-- <= 0) {
                    throw new IOException("connection reset by the source");
                }
                return 7;
            }
        };

        assertThatThrownBy(() -> store.put(failing, -1)).hasMessageContaining("connection reset");
        assertThat(filesUnder(root)).isEmpty();
    }

    @Test
    void storesIdenticalDocumentsOnceEvenWhenPutConcurrently() throws Exception {
        byte[] document = randomBytes(1_000_000, 4);
        var store = new FileDocumentStore(root);
        var pool = Executors.newFixedThreadPool(4);
        try {
            Callable<StoredContent> put = () -> store.put(new ByteArrayInputStream(document), -1);
            var results = pool.invokeAll(java.util.Collections.nCopies(8, put));
            for (var result : results) {
                assertThat(result.get().key().sha256()).isEqualTo(hex("SHA-256", document));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(filesUnder(root)).hasSize(1);
    }

    @Test
    void forgetsDeletedContent() throws Exception {
        var store = new FileDocumentStore(root);
        var stored = store.put(new ByteArrayInputStream(randomBytes(100, 5)), -1);

        assertThat(store.delete(stored.key())).isTrue();
        assertThat(store.delete(stored.key())).isFalse();
        assertThatThrownBy(() -> store.open(stored.key())).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void removesIncompleteDocumentsAnEarlierProcessLeft() throws Exception {
        Files.createDirectories(root.resolve("tmp"));
        Files.write(root.resolve("tmp").resolve("put-1234.part"), randomBytes(1000, 6));

        new FileDocumentStore(root);

        assertThat(filesUnder(root)).isEmpty();
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String hex(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    /** A source that never returns more than one byte per read, as a slow network may. */
    private static final class OneByteAtATime extends InputStream {
        private final byte[] bytes;
        private int next;

        OneByteAtATime(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return next < bytes.length ? bytes[next++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (next >= bytes.length) {
                return -1;
            }
            buffer[offset] = bytes[next++];
            return 1;
        }
    }
}
