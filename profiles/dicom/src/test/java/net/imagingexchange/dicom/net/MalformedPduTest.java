// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

import static net.imagingexchange.dicom.net.WirePdus.answer;
import static net.imagingexchange.dicom.net.WirePdus.associateRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PDUs that break PS3.8, written on a real socket: each ends in the A-ABORT or A-ASSOCIATE-RJ the standard names,
 * the association's thread is released, and the server keeps accepting.
 */
class MalformedPduTest {

    private static final String AE = "EXCHANGE_SCP";

    @TempDir
    Path dir;

    DicomServer server;

    @BeforeEach
    void start() throws IOException {
        server = DicomServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new AcceptorSettings(AE, Set.of(), 16 * 1024, Duration.ofMillis(500), Duration.ofSeconds(5), 2),
                new Part10FileStore(dir));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void abortsAnUnknownPduInsteadOfAnAssociateRequest() throws Exception {
        try (var socket = connect()) {
            socket.getOutputStream().write(Pdus.pdu(0x09, new byte[10]));

            assertThat(answer(socket)).startsWith(Pdus.ABORT, 0, 0, 0, 0, 4, 0, 0, 2, Abort.UNRECOGNIZED_PDU);
        }
        assertAcceptsAgain();
    }

    @Test
    void abortsAnUnknownPduTypeAsUnrecognizedAndAKnownOneOutOfPlaceAsUnexpected() throws Exception {
        try (var socket = connect()) {
            socket.getOutputStream().write(associateRequest(AE));
            assertThat(answer(socket)[0] & 0xFF).isEqualTo(Pdus.ASSOCIATE_AC);

            socket.getOutputStream().write(Pdus.pdu(0x0A, new byte[4]));

            assertThat(answer(socket)).startsWith(Pdus.ABORT, 0, 0, 0, 0, 4, 0, 0, 2, Abort.UNRECOGNIZED_PDU);
        }
        try (var socket = connect()) {
            socket.getOutputStream().write(associateRequest(AE));
            assertThat(answer(socket)[0] & 0xFF).isEqualTo(Pdus.ASSOCIATE_AC);

            socket.getOutputStream().write(associateRequest(AE));

            assertThat(answer(socket)).startsWith(Pdus.ABORT, 0, 0, 0, 0, 4, 0, 0, 2, Abort.UNEXPECTED_PDU);
        }
        assertAcceptsAgain();
    }

    @Test
    void abortsAPDataLargerThanTheNegotiatedMaximum() throws Exception {
        try (var socket = connect()) {
            socket.getOutputStream().write(associateRequest(AE));
            assertThat(answer(socket)[0] & 0xFF).isEqualTo(Pdus.ASSOCIATE_AC);

            socket.getOutputStream().write(Pdus.pdu(Pdus.P_DATA_TF, new byte[16 * 1024 + 1]));

            assertThat(answer(socket)).startsWith(Pdus.ABORT, 0, 0, 0, 0, 4, 0, 0, 2,
                    Abort.INVALID_PDU_PARAMETER_VALUE);
        }
        assertAcceptsAgain();
    }

    @Test
    void abortsAConnectionThatSendsNothingWhenTheArtimTimerExpires() throws Exception {
        try (var socket = connect()) {
            assertThat(answer(socket)[0] & 0xFF).isEqualTo(Pdus.ABORT);
        }
        assertAcceptsAgain();
    }

    @Test
    void releasesTheAssociationOfAPeerThatDisappearsMidPdu() throws Exception {
        try (var socket = connect()) {
            byte[] request = associateRequest(AE);
            socket.getOutputStream().write(request, 0, request.length / 2);
        }
        assertAcceptsAgain();
    }

    @Test
    void rejectsAssociationsBeyondItsLimitAsTransient() throws Exception {
        try (var first = connect(); var second = connect(); var third = connect()) {
            first.getOutputStream().write(associateRequest(AE));
            second.getOutputStream().write(associateRequest(AE));
            assertThat(answer(first)[0] & 0xFF).isEqualTo(Pdus.ASSOCIATE_AC);
            assertThat(answer(second)[0] & 0xFF).isEqualTo(Pdus.ASSOCIATE_AC);

            assertThat(answer(third)).startsWith(Pdus.ASSOCIATE_RJ, 0, 0, 0, 0, 4, 0, 2, 3, 2);
        }
    }

    private void assertAcceptsAgain() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (server.activeAssociations() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.activeAssociations()).as("associations still held").isZero();
        try (var socket = connect()) {
            socket.getOutputStream().write(associateRequest(AE));
            assertThat(answer(socket)[0] & 0xFF).isEqualTo(Pdus.ASSOCIATE_AC);
        }
    }

    private Socket connect() throws IOException {
        var socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(5000);
        return socket;
    }
}
