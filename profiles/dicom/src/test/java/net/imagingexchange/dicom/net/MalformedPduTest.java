// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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

    /** The next PDU from the server, header included. */
    private static byte[] answer(Socket socket) throws IOException {
        var in = new DataInputStream(socket.getInputStream());
        int type = in.readUnsignedByte();
        int reserved = in.readUnsignedByte();
        int length = in.readInt();
        byte[] body = in.readNBytes(length);
        var pdu = new ByteArrayOutputStream();
        pdu.write(type);
        pdu.write(reserved);
        pdu.write(length >>> 24);
        pdu.write(length >>> 16);
        pdu.write(length >>> 8);
        pdu.write(length);
        pdu.writeBytes(body);
        return pdu.toByteArray();
    }

    /** An A-ASSOCIATE-RQ for Verification in implicit VR little endian (PS3.8 9.3.2). */
    private static byte[] associateRequest(String calledAe) {
        var body = new ByteArrayOutputStream();
        body.write(0);
        body.write(1);
        body.write(0);
        body.write(0);
        body.writeBytes(padded(calledAe));
        body.writeBytes(padded("TEST_SCU"));
        body.writeBytes(new byte[32]);
        item(body, 0x10, ascii(AssociateRequest.DICOM_APPLICATION_CONTEXT));
        var context = new ByteArrayOutputStream();
        context.writeBytes(new byte[] {1, 0, 0, 0});
        item(context, 0x30, ascii(AcceptorSettings.VERIFICATION));
        item(context, 0x40, ascii("1.2.840.10008.1.2"));
        item(body, 0x20, context.toByteArray());
        var user = new ByteArrayOutputStream();
        item(user, 0x51, new byte[] {0, 0, 0x40, 0});
        item(user, 0x52, ascii("1.2.3.4"));
        item(body, 0x50, user.toByteArray());
        return Pdus.pdu(Pdus.ASSOCIATE_RQ, body.toByteArray());
    }

    private static void item(ByteArrayOutputStream out, int type, byte[] content) {
        out.write(type);
        out.write(0);
        out.write(content.length >>> 8);
        out.write(content.length & 0xFF);
        out.writeBytes(content);
    }

    private static byte[] padded(String ae) {
        return String.format("%-16s", ae).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] ascii(String value) {
        return value.getBytes(StandardCharsets.US_ASCII);
    }
}
