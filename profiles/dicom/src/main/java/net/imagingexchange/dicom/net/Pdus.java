// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.imagingexchange.dicom.io.DicomWriter;

/**
 * Encoding and decoding of the association PDUs (PS3.8 9.3): all integers big endian, items as type, reserved
 * byte, 16-bit length, content.
 */
final class Pdus {

    static final int ASSOCIATE_RQ = 0x01;
    static final int ASSOCIATE_AC = 0x02;
    static final int ASSOCIATE_RJ = 0x03;
    static final int P_DATA_TF = 0x04;
    static final int RELEASE_RQ = 0x05;
    static final int RELEASE_RP = 0x06;
    static final int ABORT = 0x07;

    private static final int APPLICATION_CONTEXT = 0x10;
    private static final int PRESENTATION_CONTEXT_RQ = 0x20;
    private static final int PRESENTATION_CONTEXT_AC = 0x21;
    private static final int ABSTRACT_SYNTAX = 0x30;
    private static final int TRANSFER_SYNTAX = 0x40;
    private static final int USER_INFORMATION = 0x50;
    private static final int MAX_LENGTH = 0x51;
    private static final int IMPLEMENTATION_CLASS_UID = 0x52;
    private static final int ROLE_SELECTION = 0x54;
    private static final int IMPLEMENTATION_VERSION_NAME = 0x55;

    private Pdus() {
    }

    /** Parses the variable part of an A-ASSOCIATE-RQ (after the 6-byte PDU header). */
    static AssociateRequest parseAssociateRequest(byte[] pdu) throws PduException {
        var in = new Cursor(pdu);
        int version = in.u16();
        in.skip(2);
        String called = in.ascii(16).strip();
        String calling = in.ascii(16).strip();
        in.skip(32);
        String context = null;
        var contexts = new ArrayList<PresentationContext>();
        long maxLength = 0;
        String implementationClass = "";
        String implementationVersion = "";
        var roles = new ArrayList<RoleSelection>();
        while (in.remaining() > 0) {
            int type = in.u8();
            in.skip(1);
            var item = new Cursor(in.bytes(in.u16()));
            switch (type) {
                case APPLICATION_CONTEXT -> context = item.ascii(item.remaining()).strip();
                case PRESENTATION_CONTEXT_RQ -> contexts.add(presentationContext(item));
                case USER_INFORMATION -> {
                    while (item.remaining() > 0) {
                        int subType = item.u8();
                        item.skip(1);
                        var sub = new Cursor(item.bytes(item.u16()));
                        switch (subType) {
                            case MAX_LENGTH -> maxLength = sub.u32();
                            case IMPLEMENTATION_CLASS_UID -> implementationClass = sub.uid();
                            case IMPLEMENTATION_VERSION_NAME -> implementationVersion = sub.ascii(sub.remaining());
                            case ROLE_SELECTION -> roles.add(roleSelection(sub));
                            default -> { } // asynchronous operations, extended negotiation: the defaults
                        }
                    }
                }
                default -> throw new PduException("unexpected item type 0x" + Integer.toHexString(type)
                        + " in A-ASSOCIATE-RQ", Abort.UNEXPECTED_PDU_PARAMETER);
            }
        }
        if (context == null || contexts.isEmpty()) {
            throw new PduException("A-ASSOCIATE-RQ without application context or presentation context",
                    Abort.INVALID_PDU_PARAMETER_VALUE);
        }
        return new AssociateRequest(version, called, calling, context, contexts, maxLength, implementationClass,
                implementationVersion, List.copyOf(roles));
    }

    // PS3.7 D.3.3.4: UID length, SOP class UID, SCU role, SCP role (1 = proposed or accepted)
    private static RoleSelection roleSelection(Cursor sub) throws PduException {
        int length = sub.u16();
        if (length == 0 || length > sub.remaining() - 2) {
            throw new PduException("SCP/SCU role selection with a UID of " + length + " bytes in a "
                    + (sub.remaining() + 2) + "-byte item", Abort.INVALID_PDU_PARAMETER_VALUE);
        }
        var uid = new Cursor(sub.bytes(length)).uid();
        return new RoleSelection(uid, sub.u8() == 1, sub.u8() == 1);
    }

    private static PresentationContext presentationContext(Cursor item) throws PduException {
        int id = item.u8();
        item.skip(3);
        String abstractSyntax = null;
        var transferSyntaxes = new ArrayList<String>();
        while (item.remaining() > 0) {
            int type = item.u8();
            item.skip(1);
            var sub = new Cursor(item.bytes(item.u16()));
            if (type == ABSTRACT_SYNTAX) {
                abstractSyntax = sub.uid();
            } else if (type == TRANSFER_SYNTAX) {
                transferSyntaxes.add(sub.uid());
            }
        }
        if (abstractSyntax == null || transferSyntaxes.isEmpty()) {
            throw new PduException("presentation context " + id + " without abstract or transfer syntax",
                    Abort.INVALID_PDU_PARAMETER_VALUE);
        }
        return new PresentationContext(id, abstractSyntax, List.copyOf(transferSyntaxes), -1);
    }

    /** A whole A-ASSOCIATE-AC PDU answering {@code request} with {@code answers}. */
    static byte[] associateAccept(AssociateRequest request, List<PresentationContext> answers, long maxPduLength) {
        var body = new ByteArrayOutputStream();
        u16(body, 1);
        u16(body, 0);
        body.writeBytes(aeTitle(request.calledAeTitle()));
        body.writeBytes(aeTitle(request.callingAeTitle()));
        body.writeBytes(new byte[32]);
        item(body, APPLICATION_CONTEXT, ascii(AssociateRequest.DICOM_APPLICATION_CONTEXT));
        for (PresentationContext answer : answers) {
            var content = new ByteArrayOutputStream();
            content.write(answer.id());
            content.write(0);
            content.write(answer.result());
            content.write(0);
            item(content, TRANSFER_SYNTAX, ascii(answer.transferSyntax()));
            item(body, PRESENTATION_CONTEXT_AC, content.toByteArray());
        }
        item(body, USER_INFORMATION, userInformation(maxPduLength,
                request.roleSelections().stream().map(RoleSelection::answer).toList()));
        return pdu(ASSOCIATE_AC, body.toByteArray());
    }

    // PS3.8 D.1, D.3.3.2: maximum length, implementation class UID and version name; PS3.7 D.3.3.4: roles
    private static byte[] userInformation(long maxPduLength, List<RoleSelection> roles) {
        var user = new ByteArrayOutputStream();
        var max = new ByteArrayOutputStream();
        u32(max, maxPduLength);
        item(user, MAX_LENGTH, max.toByteArray());
        item(user, IMPLEMENTATION_CLASS_UID, ascii(DicomWriter.IMPLEMENTATION_CLASS_UID));
        for (RoleSelection role : roles) {
            var content = new ByteArrayOutputStream();
            byte[] uid = ascii(role.sopClassUid());
            u16(content, uid.length);
            content.writeBytes(uid);
            content.write(role.scu() ? 1 : 0);
            content.write(role.scp() ? 1 : 0);
            item(user, ROLE_SELECTION, content.toByteArray());
        }
        item(user, IMPLEMENTATION_VERSION_NAME, ascii(DicomWriter.IMPLEMENTATION_VERSION_NAME));
        return user.toByteArray();
    }

    /** A whole A-ASSOCIATE-RQ PDU (PS3.8 9.3.2). */
    static byte[] associateRequest(String callingAeTitle, String calledAeTitle, List<PresentationContext> contexts,
                                   long maxPduLength) {
        var body = new ByteArrayOutputStream();
        u16(body, 1);
        u16(body, 0);
        body.writeBytes(aeTitle(calledAeTitle));
        body.writeBytes(aeTitle(callingAeTitle));
        body.writeBytes(new byte[32]);
        item(body, APPLICATION_CONTEXT, ascii(AssociateRequest.DICOM_APPLICATION_CONTEXT));
        for (PresentationContext context : contexts) {
            var content = new ByteArrayOutputStream();
            content.writeBytes(new byte[] {(byte) context.id(), 0, 0, 0});
            item(content, ABSTRACT_SYNTAX, ascii(context.abstractSyntax()));
            for (String transferSyntax : context.transferSyntaxes()) {
                item(content, TRANSFER_SYNTAX, ascii(transferSyntax));
            }
            item(body, PRESENTATION_CONTEXT_RQ, content.toByteArray());
        }
        item(body, USER_INFORMATION, userInformation(maxPduLength, List.of()));
        return pdu(ASSOCIATE_RQ, body.toByteArray());
    }

    /**
     * Parses the variable part of an A-ASSOCIATE-AC: the answers to the proposed contexts (abstract syntax taken from
     * the proposal) and the acceptor's maximum PDU length in {@code maxPduLength[0]} (0 when unlimited).
     */
    static List<PresentationContext> parseAssociateAccept(byte[] pdu, List<PresentationContext> proposed,
                                                          long[] maxPduLength) throws PduException {
        var in = new Cursor(pdu);
        in.skip(68);
        var answers = new ArrayList<PresentationContext>();
        while (in.remaining() > 0) {
            int type = in.u8();
            in.skip(1);
            var item = new Cursor(in.bytes(in.u16()));
            if (type == PRESENTATION_CONTEXT_AC) {
                int id = item.u8();
                item.skip(1);
                int result = item.u8();
                item.skip(1);
                String transferSyntax = "";
                while (item.remaining() > 0) {
                    int subType = item.u8();
                    item.skip(1);
                    var sub = new Cursor(item.bytes(item.u16()));
                    if (subType == TRANSFER_SYNTAX) {
                        transferSyntax = sub.uid();
                    }
                }
                String abstractSyntax = proposed.stream().filter(p -> p.id() == id)
                        .map(PresentationContext::abstractSyntax).findFirst()
                        .orElseThrow(() -> new PduException("answer to presentation context " + id
                                + ", which was not proposed", Abort.INVALID_PDU_PARAMETER_VALUE));
                answers.add(new PresentationContext(id, abstractSyntax, List.of(transferSyntax), result));
            } else if (type == USER_INFORMATION) {
                while (item.remaining() > 0) {
                    int subType = item.u8();
                    item.skip(1);
                    var sub = new Cursor(item.bytes(item.u16()));
                    if (subType == MAX_LENGTH) {
                        maxPduLength[0] = sub.u32();
                    }
                }
            }
        }
        return answers;
    }

    static byte[] releaseRequest() {
        return pdu(RELEASE_RQ, new byte[4]);
    }

    /** A-ASSOCIATE-RJ (PS3.8 9.3.4): result 1 permanent / 2 transient, source, reason. */
    static byte[] associateReject(int result, int source, int reason) {
        return pdu(ASSOCIATE_RJ, new byte[] {0, (byte) result, (byte) source, (byte) reason});
    }

    static byte[] releaseResponse() {
        return pdu(RELEASE_RP, new byte[4]);
    }

    /** A-ABORT (PS3.8 9.3.8): source 0 service user, 2 service provider; reason when the provider aborts. */
    static byte[] abort(int source, int reason) {
        return pdu(ABORT, new byte[] {0, 0, (byte) source, (byte) reason});
    }

    static byte[] pdu(int type, byte[] body) {
        var out = new ByteArrayOutputStream(body.length + 6);
        out.write(type);
        out.write(0);
        u32(out, body.length);
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** Reads a PDU header; returns the type and stores the length in {@code length[0]}. */
    static int readHeader(DataInputStream in, long[] length) throws IOException {
        int type = in.read();
        if (type < 0) {
            return -1;
        }
        in.readUnsignedByte();
        length[0] = Integer.toUnsignedLong(in.readInt());
        return type;
    }

    private static byte[] aeTitle(String title) {
        byte[] padded = new byte[16];
        Arrays.fill(padded, (byte) ' ');
        byte[] bytes = title.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, padded, 0, Math.min(16, bytes.length));
        return padded;
    }

    private static byte[] ascii(String value) {
        return value.getBytes(StandardCharsets.US_ASCII);
    }

    private static void item(ByteArrayOutputStream out, int type, byte[] content) {
        out.write(type);
        out.write(0);
        u16(out, content.length);
        out.writeBytes(content);
    }

    private static void u16(ByteArrayOutputStream out, int value) {
        out.write(value >>> 8);
        out.write(value & 0xFF);
    }

    private static void u32(ByteArrayOutputStream out, long value) {
        out.write((int) (value >>> 24) & 0xFF);
        out.write((int) (value >>> 16) & 0xFF);
        out.write((int) (value >>> 8) & 0xFF);
        out.write((int) value & 0xFF);
    }

    /** Bounded reading of a PDU's bytes: running past the end is a malformed PDU, not an exception of Java's. */
    private static final class Cursor {
        private final byte[] bytes;
        private int position;

        Cursor(byte[] bytes) {
            this.bytes = bytes;
        }

        int remaining() {
            return bytes.length - position;
        }

        int u8() throws PduException {
            need(1);
            return bytes[position++] & 0xFF;
        }

        int u16() throws PduException {
            return (u8() << 8) | u8();
        }

        long u32() throws PduException {
            return ((long) u16() << 16) | u16();
        }

        void skip(int n) throws PduException {
            need(n);
            position += n;
        }

        byte[] bytes(int n) throws PduException {
            need(n);
            byte[] copy = Arrays.copyOfRange(bytes, position, position + n);
            position += n;
            return copy;
        }

        String ascii(int n) throws PduException {
            return new String(bytes(n), StandardCharsets.US_ASCII);
        }

        /** A UID, without the trailing NUL some implementations add. */
        String uid() throws PduException {
            String value = ascii(remaining());
            int end = value.length();
            while (end > 0 && (value.charAt(end - 1) == '\0' || value.charAt(end - 1) == ' ')) {
                end--;
            }
            return value.substring(0, end);
        }

        private void need(int n) throws PduException {
            if (n > remaining()) {
                throw new PduException("item runs past the end of its PDU", Abort.INVALID_PDU_PARAMETER_VALUE);
            }
        }
    }
}
