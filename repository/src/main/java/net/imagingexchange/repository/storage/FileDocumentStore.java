// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Content-addressed documents on the file system: {@code <root>/ab/cd/<sha256>}. Staging writes to a temporary
 * file under {@code <root>/tmp} (same file system) and forces it to disk; publishing renames it atomically into
 * place and forces the directory, so a crash leaves either the whole document or nothing visible. Temporary files
 * left by a crash are removed when the store opens.
 */
public final class FileDocumentStore implements DocumentStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileDocumentStore.class);
    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final Path temporary;

    /** Opens (and creates) the store under {@code root}, removing temporary files an earlier process left. */
    public FileDocumentStore(Path root) throws IOException {
        this.root = root.toAbsolutePath();
        this.temporary = this.root.resolve("tmp");
        Files.createDirectories(temporary);
        try (var leftovers = Files.list(temporary)) {
            for (Path leftover : (Iterable<Path>) leftovers::iterator) {
                Files.deleteIfExists(leftover);
                LOG.warn("removed the incomplete document {} left by an earlier process", leftover.getFileName());
            }
        }
    }

    @Override
    public StagedContent stage(InputStream content, long maxBytes) throws IOException {
        Path file = Files.createTempFile(temporary, "put-", ".part");
        try {
            var digests = new Digests();
            long size = copy(content, file, digests, maxBytes);
            return new StagedFile(file, new StoredContent(new ContentKey(digests.sha256()), digests.sha1(), size));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    @Override
    public InputStream open(ContentKey key) throws IOException {
        Path file = path(key);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(key.sha256());
        }
        return Files.newInputStream(file);
    }

    @Override
    public boolean delete(ContentKey key) throws IOException {
        return Files.deleteIfExists(path(key));
    }

    private Path path(ContentKey key) {
        String hex = key.sha256();
        return root.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    private static long copy(InputStream content, Path file, Digests digests, long maxBytes) throws IOException {
        long size = 0;
        byte[] buffer = new byte[BUFFER];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
             OutputStream out = Channels.newOutputStream(channel)) {
            int n;
            while ((n = content.read(buffer)) != -1) {
                size += n;
                if (maxBytes >= 0 && size > maxBytes) {
                    throw new DocumentTooLargeException(maxBytes);
                }
                digests.update(buffer, n);
                out.write(buffer, 0, n);
            }
            out.flush();
            channel.force(true);
        }
        return size;
    }

    // the rename itself is durable only once the directory entry is on disk
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("cannot force directory {} on this platform", directory, e);
        }
    }

    private final class StagedFile implements StagedContent {
        private final Path file;
        private final StoredContent content;
        private boolean published;

        StagedFile(Path file, StoredContent content) {
            this.file = file;
            this.content = content;
        }

        @Override
        public StoredContent content() {
            return content;
        }

        @Override
        public void publish() throws IOException {
            Path target = path(content.key());
            if (Files.isRegularFile(target)) {
                Files.delete(file); // identical bytes are already stored
            } else {
                // a concurrent publish of the same bytes may rename first: replacing them by the same bytes is harmless
                Files.createDirectories(target.getParent());
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
                forceDirectory(target.getParent());
            }
            published = true;
        }

        @Override
        public void close() throws IOException {
            if (!published) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** SHA-256 (the key) and SHA-1 (the XDS hash) over the same bytes, in one pass. */
    private static final class Digests {
        private final MessageDigest sha256 = digest("SHA-256");
        private final MessageDigest sha1 = digest("SHA-1");

        void update(byte[] bytes, int length) {
            sha256.update(bytes, 0, length);
            sha1.update(bytes, 0, length);
        }

        String sha256() {
            return HexFormat.of().formatHex(sha256.digest());
        }

        String sha1() {
            return HexFormat.of().formatHex(sha1.digest());
        }

        private static MessageDigest digest(String algorithm) {
            try {
                return MessageDigest.getInstance(algorithm);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(algorithm + " is part of every Java platform", e);
            }
        }
    }
}
