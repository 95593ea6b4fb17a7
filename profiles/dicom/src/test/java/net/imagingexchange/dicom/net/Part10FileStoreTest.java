// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.io.DicomReader;
import net.imagingexchange.dicom.io.TransferSyntax;

/** What a C-STORE handler must never do: write outside its directory, or leave a partial file behind. */
class Part10FileStoreTest {

    @TempDir
    Path dir;

    @Test
    void refusesAnInstanceUidThatIsNoUidAndWritesNothing() throws IOException {
        var store = new Part10FileStore(dir.resolve("rx"));

        int status = store.store(request("1.2.3/../../../escaped"), new ByteArrayInputStream(new byte[0]));

        assertThat(status).isEqualTo(StoreHandler.CANNOT_UNDERSTAND);
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void leavesNothingWhenTheDataSetBreaksOff() throws IOException {
        var store = new Part10FileStore(dir.resolve("rx"));
        InputStream broken = new InputStream() {
            private int left = 10_000;

            @Override
            public int read() throws IOException {
                if (left-- <= 0) {
                    throw new IOException("association aborted");
                }
                return 0;
            }
        };

        try {
            store.store(request("1.2.250.1.999.7.60"), broken);
        } catch (IOException expected) {
            // the SCP answers Out of Resources
        }

        try (var files = Files.list(dir.resolve("rx"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void storesTheReceivedBytesAfterTheFileMetaWithOrWithoutFsync() throws IOException {
        for (Part10FileStore store : new Part10FileStore[] {new Part10FileStore(dir.resolve("durable")),
                Part10FileStore.withoutFsync(dir.resolve("reference"))}) {
            byte[] dataset = {0x10, 0x00, 0x20, 0x00, 'L', 'O', 4, 0, 'X', '-', '4', '2'}; // (0010,0020) LO X-42

            assertThat(store.store(request("1.2.250.1.999.7.61"), new ByteArrayInputStream(dataset)))
                    .isEqualTo(StoreHandler.SUCCESS);

            var read = DicomReader.read(store.file("1.2.250.1.999.7.61"), DicomReader.Options.DEFAULT);
            assertThat(read.dataset().getString(Tag.PATIENT_ID)).isEqualTo("X-42");
            assertThat(read.fileMeta().getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID)).isEqualTo("1.2.250.1.999.7.61");
        }
    }

    private static StoreRequest request(String sopInstanceUid) {
        return new StoreRequest("TEST_SCU", "1.2.840.10008.5.1.4.1.1.7", sopInstanceUid,
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid());
    }
}
