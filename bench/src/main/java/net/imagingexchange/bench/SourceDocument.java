// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * A document the bench provides and retrieves: pseudo-random bytes in a file, written once, with the digests that
 * check it on the way back and find it in the repository's store.
 *
 * @param uniqueId the DocumentEntry uniqueId.
 * @param file     the bytes, streamed from here by ITI-41.
 * @param size     the number of bytes.
 * @param sha1     the XDS hash, lowercase hex: what a retrieval must give back.
 * @param sha256   the repository's content key: the document is stored at {@code <documents>/ab/cd/<sha256>}.
 */
record SourceDocument(String uniqueId, Path file, long size, String sha1, String sha256) {

    static final long MIB = 1024 * 1024;

    /** Writes {@code size} pseudo-random bytes (seeded, so a run is reproducible) to {@code file}. */
    static SourceDocument generate(String uniqueId, Path file, long size, long seed) throws IOException {
        var random = new SplittableRandom(seed);
        var sha1 = digest("SHA-1");
        var sha256 = digest("SHA-256");
        byte[] chunk = new byte[(int) MIB];
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; ) {
                int n = (int) Math.min(chunk.length, size - written);
                random.nextBytes(chunk);
                sha1.update(chunk, 0, n);
                sha256.update(chunk, 0, n);
                out.write(chunk, 0, n);
                written += n;
            }
        }
        var hex = HexFormat.of();
        return new SourceDocument(uniqueId, file, size, hex.formatHex(sha1.digest()), hex.formatHex(sha256.digest()));
    }

    /** Where the repository keeps these bytes under its documents directory. */
    Path storedIn(Path documentsDirectory) {
        return documentsDirectory.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    double mebibytes() {
        return (double) size / MIB;
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java platform", e);
        }
    }
}
