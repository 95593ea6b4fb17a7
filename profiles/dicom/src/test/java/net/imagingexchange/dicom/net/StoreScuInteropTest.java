// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.io.DicomReader;
import net.imagingexchange.dicom.io.TransferSyntax;
import net.imagingexchange.dicom.testing.Part10;

/**
 * Our C-ECHO and C-STORE SCU against dcmtk's {@code storescp}: the files it stores hold the data sets we sent,
 * byte for byte, in every transfer syntax it accepted (implicit and explicit VR little endian, JPEG baseline); a
 * rejection is reported with its reason.
 */
class StoreScuInteropTest {

    private static final String AE = "DCMTK_SCP";
    private static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";

    @TempDir
    Path dir;

    Process storescp;
    int port;

    @BeforeEach
    void startStorescp() throws Exception {
        try (var free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path received = Files.createDirectories(dir.resolve("received"));
        var builder = new ProcessBuilder("storescp", "-aet", AE, "+xa", "-od", received.toString(),
                Integer.toString(port)).redirectErrorStream(true).redirectOutput(dir.resolve("storescp.log").toFile());
        builder.environment().put("TCP_NODELAY", "1");
        storescp = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (var probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                break;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline || !storescp.isAlive()) {
                    throw new IllegalStateException("storescp did not start: " + Files.readString(
                            dir.resolve("storescp.log")));
                }
                Thread.sleep(50);
            }
        }
    }

    @AfterEach
    void stopStorescp() throws Exception {
        storescp.destroy();
        storescp.waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void echoes() throws Exception {
        try (var association = open(List.of(new PresentationContext(1, AcceptorSettings.VERIFICATION,
                List.of(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid()), -1)))) {
            assertThat(association.echo()).isZero();
        }
    }

    @Test
    void storesFilesByteIdenticalInEachAcceptedTransferSyntax() throws Exception {
        var files = List.of(Instances.write(dir, "+ti", "1.2.250.1.999.7.40"),
                Instances.write(dir, "+te", "1.2.250.1.999.7.41"),
                Instances.write(dir, "jpeg", "1.2.250.1.999.7.42"));
        var contexts = List.of(
                context(1, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid()),
                context(3, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid()),
                context(5, "1.2.840.10008.1.2.4.50"));

        try (var association = open(contexts)) {
            assertThat(association.accepted()).hasSize(3);
            for (Path file : files) {
                assertThat(StoreScu.send(association, file).status()).as("status for %s", file).isZero();
            }
        }

        for (Path sent : files) {
            Path stored = storedFile(sent);
            assertThat(Part10.dataset(stored)).isEqualTo(Part10.dataset(sent));
        }
    }

    @Test
    void reportsARejectionWithItsReason() throws Exception {
        try (var scp = DicomServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                AcceptorSettings.defaults("EXCHANGE_SCP"), new Part10FileStore(dir.resolve("ours")))) {
            assertThatThrownBy(() -> RequestedAssociation.open(new InetSocketAddress("127.0.0.1", scp.port()),
                    RequestorSettings.of("EXCHANGE_SCU", "NOT_THIS_ONE"), List.of(context(1,
                            TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid()))))
                    .isInstanceOf(AssociationRejectedException.class)
                    .satisfies(e -> assertThat(((AssociationRejectedException) e).reason()).isEqualTo(7));
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("storescp.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private RequestedAssociation open(List<PresentationContext> contexts) throws IOException {
        return RequestedAssociation.open(new InetSocketAddress("127.0.0.1", port),
                RequestorSettings.of("EXCHANGE_SCU", AE), contexts);
    }

    private static PresentationContext context(int id, String transferSyntax) {
        return new PresentationContext(id, SECONDARY_CAPTURE, List.of(transferSyntax), -1);
    }

    // storescp names its files <modality>.<SOP Instance UID> (dcmcjpeg gives lossy copies a new UID)
    private Path storedFile(Path sent) throws IOException {
        String uid = DicomReader.read(sent, DicomReader.Options.DEFAULT.headerOnly()).dataset()
                .getString(Tag.SOP_INSTANCE_UID);
        try (var files = Files.list(dir.resolve("received"))) {
            var names = files.map(f -> f.getFileName().toString()).toList();
            return dir.resolve("received").resolve(names.stream().filter(n -> n.endsWith(uid)).findFirst()
                    .orElseThrow(() -> new AssertionError("storescp stored no file for " + uid + " but " + names
                            + "; its log: " + log())));
        }
    }
}
