// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import java.util.function.Supplier;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;

/** Test document contents and their digests, read as streams. */
public final class Documents {

    private Documents() {
    }

    /** {@code size} pseudo-random bytes (seeded, so a failure reproduces). */
    public static DataSource random(int size, long seed, String mimeType) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return streamed(mimeType, () -> new ByteArrayInputStream(bytes));
    }

    public static DataSource text(String text, String mimeType) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return streamed(mimeType, () -> new ByteArrayInputStream(bytes));
    }

    public static String sha1(DataSource source) {
        try (InputStream in = source.getInputStream()) {
            return sha1(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha1(DataHandler handler) {
        try (InputStream in = handler.getInputStream()) {
            return sha1(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(DataSource source) {
        try (InputStream in = source.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long size(DataSource source) {
        try (InputStream in = source.getInputStream()) {
            return in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha1(InputStream in) throws IOException {
        try {
            var digest = MessageDigest.getInstance("SHA-1");
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) != -1) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the store under {@code documents} keeps {@code content} (content-addressed by SHA-256). */
    public static Path storedFile(Path documents, DataSource content) {
        try (InputStream in = content.getInputStream()) {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(in.readAllBytes());
            String hex = HexFormat.of().formatHex(digest.digest());
            return documents.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many documents the store under {@code documents} holds (its temporary files excluded). */
    public static long storedFiles(Path documents) {
        if (!Files.isDirectory(documents)) {
            return 0;
        }
        try (var files = Files.walk(documents)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getParent().getFileName().toString().equals("tmp"))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A document whose bytes are produced anew each time it is read (in memory, or generated). */
    public static DataSource streamed(String mimeType, Supplier<InputStream> bytes) {
        return new Streamed(mimeType, bytes);
    }

    private record Streamed(String mimeType, Supplier<InputStream> bytes) implements DataSource {

        @Override
        public InputStream getInputStream() {
            return bytes.get();
        }

        @Override
        public OutputStream getOutputStream() {
            throw new UnsupportedOperationException("test documents are read-only");
        }

        @Override
        public String getContentType() {
            return mimeType;
        }

        @Override
        public String getName() {
            return "test-document";
        }
    }
}
