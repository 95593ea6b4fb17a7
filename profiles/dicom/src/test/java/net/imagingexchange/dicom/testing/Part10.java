// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Part 10 files compared as the exchange must keep them: their data sets byte for byte (each actor writes its own
 * File Meta Information). */
public final class Part10 {

    private Part10() {
    }

    /** A Part 10 file's data set: the bytes after its File Meta Information (whose length is at byte 140). */
    public static byte[] dataset(byte[] file) {
        int metaLength = ByteBuffer.wrap(file, 140, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        return Arrays.copyOfRange(file, 144 + metaLength, file.length);
    }

    public static byte[] dataset(Path file) throws IOException {
        return dataset(Files.readAllBytes(file));
    }
}
