// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** PDUs written and read byte by byte (PS3.8 9.3), for tests that speak to the server below any client. */
final class WirePdus {

    private WirePdus() {
    }

    /** The next PDU from the server, header included. */
    static byte[] answer(Socket socket) throws IOException {
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

    /**
     * An A-ASSOCIATE-RQ (PS3.8 9.3.2) proposing Verification in implicit VR little endian, its user information
     * ending with {@code userItems} as given.
     */
    static byte[] associateRequest(String calledAe, byte[]... userItems) {
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
        for (byte[] userItem : userItems) {
            user.writeBytes(userItem);
        }
        item(body, 0x50, user.toByteArray());
        return Pdus.pdu(Pdus.ASSOCIATE_RQ, body.toByteArray());
    }

    static void item(ByteArrayOutputStream out, int type, byte[] content) {
        out.write(type);
        out.write(0);
        out.write(content.length >>> 8);
        out.write(content.length & 0xFF);
        out.writeBytes(content);
    }

    private static byte[] padded(String ae) {
        return String.format("%-16s", ae).getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] ascii(String value) {
        return value.getBytes(StandardCharsets.US_ASCII);
    }
}
