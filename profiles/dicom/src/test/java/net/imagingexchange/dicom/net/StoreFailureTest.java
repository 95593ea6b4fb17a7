// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.imagingexchange.dicom.io.TransferSyntax;
import net.imagingexchange.dicom.testing.Dcmtk;

/**
 * A store handler that fails (a full disk) answers that instance with Out of Resources (PS3.4 B.2.3) and leaves
 * the association in step: the rest of the failed data set is consumed, and the next C-STORE succeeds.
 */
class StoreFailureTest {

    @Test
    void answersOutOfResourcesAndKeepsTheAssociationUsable() throws Exception {
        var calls = new AtomicInteger();
        StoreHandler failingOnce = (request, dataset) -> {
            dataset.readNBytes(10); // reads a little, then the disk is full
            if (calls.incrementAndGet() == 1) {
                throw new IOException("No space left on device");
            }
            dataset.transferTo(OutputStream.nullOutputStream());
            return StoreHandler.SUCCESS;
        };
        try (var server = DicomServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                AcceptorSettings.defaults("EXCHANGE_SCP"), failingOnce);
             var association = RequestedAssociation.open(new InetSocketAddress("127.0.0.1", server.port()),
                     RequestorSettings.of("TEST_SCU", "EXCHANGE_SCP"), List.of(new PresentationContext(1,
                             "1.2.840.10008.5.1.4.1.1.7", List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid()),
                             -1)))) {
            byte[] dataset = new byte[600_000]; // several PDVs

            DimseStatus failed = association.store("1.2.840.10008.5.1.4.1.1.7", "1.2.250.1.999.7.70",
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), new ByteArrayInputStream(dataset));
            DimseStatus next = association.store("1.2.840.10008.5.1.4.1.1.7", "1.2.250.1.999.7.71",
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), new ByteArrayInputStream(dataset));

            assertThat(failed.status()).isEqualTo(StoreHandler.OUT_OF_RESOURCES);
            assertThat(next.success()).isTrue();
            assertThat(next.errorComment()).isNull();
        }
    }

    @Test
    void aRefusalReachesStorescuWithItsStatusAndErrorComment(@TempDir Path dir) throws Exception {
        StoreHandler refusing = (request, dataset) -> {
            throw new StoreStatusException(StoreHandler.DATA_SET_DOES_NOT_MATCH_SOP_CLASS,
                    "SOP Instance UID 1.2.3 of the data set is not " + request.sopInstanceUid() + " of the command");
        };
        try (var server = DicomServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                AcceptorSettings.defaults("EXCHANGE_SCP"), refusing)) {
            Path file = Instances.write(dir, "+te", "1.2.250.1.999.7.72");

            assertThatThrownBy(() -> Dcmtk.run("storescu", "-d", "-aec", "EXCHANGE_SCP", "127.0.0.1",
                    Integer.toString(server.port()), file.toString()))
                    .hasMessageContaining("0xa900: Error: Data Set does not match SOP Class")
                    .hasMessageContaining("(0000,0902) LO [SOP Instance UID 1.2.3 of the data set is not"
                            + " 1.2.250.1.999.7.72] #  64, 1 ErrorComment");
            // and our own SCU reads the comment too
            try (var association = RequestedAssociation.open(new InetSocketAddress("127.0.0.1", server.port()),
                    RequestorSettings.of("TEST_SCU", "EXCHANGE_SCP"), List.of(new PresentationContext(1,
                            "1.2.840.10008.5.1.4.1.1.7", List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid()),
                            -1)))) {
                DimseStatus refused = association.store("1.2.840.10008.5.1.4.1.1.7", "1.2.250.1.999.7.73",
                        TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), new ByteArrayInputStream(new byte[8]));
                assertThat(refused.status()).isEqualTo(StoreHandler.DATA_SET_DOES_NOT_MATCH_SOP_CLASS);
                assertThat(refused.errorComment()).isEqualTo("SOP Instance UID 1.2.3 of the data set is not"
                        + " 1.2.250.1.999.7.73");
                assertThat(refused).hasToString("0xA900 (" + refused.errorComment() + ")");
            }
        }
    }
}
