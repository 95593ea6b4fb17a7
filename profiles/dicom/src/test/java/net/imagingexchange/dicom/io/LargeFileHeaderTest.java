// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.data.BulkData;

/**
 * A 2 GiB multi-frame file (sparse on disk) is parsed in a heap of 64 MiB (surefire execution
 * {@code large-streams}): header-only reading stops before its Pixel Data, and a full read leaves the 2 GiB where
 * they are.
 */
@org.junit.jupiter.api.Tag("large-stream")
class LargeFileHeaderTest {

    private static final long PIXELS = 2L << 30;

    @TempDir
    Path dir;

    @Test
    void parsesTheHeaderOfATwoGibMultiFrameFileInASmallHeap() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("run with a heap far below the file").isLessThan(PIXELS / 16);
        Path file = multiFrame();

        var header = DicomReader.read(file, DicomReader.Options.DEFAULT.headerOnly());
        var whole = DicomReader.read(file, DicomReader.Options.DEFAULT);

        assertThat(header.dataset().getString(Tag.of(0x0028, 0x0008))).isEqualTo("8192");
        assertThat(header.dataset().contains(Tag.PIXEL_DATA)).isFalse();
        var pixels = (BulkData) whole.dataset().get(Tag.PIXEL_DATA).value();
        assertThat(pixels.length()).isEqualTo(PIXELS - 2);
        assertThat(pixels.offset() + pixels.length()).isEqualTo(Files.size(file));
    }

    // 8192 frames of 512 x 256 x 16 bit, less 2 bytes to keep the OW length even and below 2^32 - 1
    private Path multiFrame() throws Exception {
        var dataset = new Attributes();
        dataset.setString(Tag.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.7.3");
        dataset.setString(Tag.SOP_INSTANCE_UID, VR.UI, "1.2.250.1.999.7.99");
        dataset.setString(Tag.of(0x0028, 0x0008), VR.IS, "8192");
        dataset.setInt(Tag.of(0x0028, 0x0010), VR.US, 512);
        dataset.setInt(Tag.of(0x0028, 0x0011), VR.US, 256);
        var header = new ByteArrayOutputStream();
        DicomWriter.writeFile(header, dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        long length = PIXELS - 2;
        header.writeBytes(new byte[] {(byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'W', 0, 0,
                (byte) length, (byte) (length >>> 8), (byte) (length >>> 16), (byte) (length >>> 24)});
        Path file = dir.resolve("multiframe.dcm");
        Files.write(file, header.toByteArray());
        try (var sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(header.size() + length);
        }
        return file;
    }
}
