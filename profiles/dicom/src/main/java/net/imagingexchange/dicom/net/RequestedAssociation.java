// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.data.Attributes;

/**
 * An association this side requested (PS3.8 7.1): C-ECHO and C-STORE SCU (PS3.7 9.1.1, 9.1.5), one operation at a
 * time. Data sets are sent as they stream from their source, cut into PDVs that fit the acceptor's maximum PDU.
 */
public final class RequestedAssociation implements AutoCloseable {

    private static final int C_STORE_RQ = 0x0001;
    private static final int C_ECHO_RQ = 0x0030;
    private static final int MEDIUM_PRIORITY = 0x0000;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final List<PresentationContext> accepted;
    private final PDataReader data;
    private final PDataWriter writer;
    private int messageId;
    private boolean released;

    private RequestedAssociation(Socket socket, DataInputStream in, OutputStream out,
                                 List<PresentationContext> accepted, long peerMaxPduLength, int maxPduLength) {
        this.socket = socket;
        this.in = in;
        this.out = out;
        this.accepted = accepted;
        this.data = new PDataReader(in, maxPduLength);
        this.writer = new PDataWriter(out, peerMaxPduLength);
    }

    /**
     * Connects and negotiates.
     *
     * @param proposed presentation contexts with odd ids (PS3.8 9.3.2.2).
     * @throws AssociationRejectedException when the acceptor rejects the association.
     */
    public static RequestedAssociation open(InetSocketAddress peer, RequestorSettings settings,
                                            List<PresentationContext> proposed) throws IOException {
        return open(new Socket(), peer, settings, proposed);
    }

    /** Connects over TLS (PS3.15 B.1), presenting {@code tls}'s key and trusting what its trust managers trust. */
    public static RequestedAssociation openTls(InetSocketAddress peer, RequestorSettings settings,
                                               List<PresentationContext> proposed, SSLContext tls)
            throws IOException {
        var socket = (SSLSocket) tls.getSocketFactory().createSocket();
        socket.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        return open(socket, peer, settings, proposed);
    }

    private static RequestedAssociation open(Socket socket, InetSocketAddress peer, RequestorSettings settings,
                                             List<PresentationContext> proposed) throws IOException {
        try {
            socket.setTcpNoDelay(true);
            socket.connect(peer, (int) settings.connectTimeout().toMillis());
            socket.setSoTimeout((int) settings.responseTimeout().toMillis());
            var in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
            var out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            out.write(Pdus.associateRequest(settings.callingAeTitle(), settings.calledAeTitle(), proposed,
                    settings.maxPduLength()));
            out.flush();
            long[] length = new long[1];
            int type = Pdus.readHeader(in, length);
            if (type == Pdus.ASSOCIATE_RJ && length[0] == 4) {
                byte[] reject = in.readNBytes(4);
                throw new AssociationRejectedException(reject[1], reject[2], reject[3]);
            }
            if (type != Pdus.ASSOCIATE_AC || length[0] > 64 * 1024) {
                throw new PduException("expected A-ASSOCIATE-AC, got PDU type " + type, Abort.outOfPlace(type));
            }
            long[] peerMax = new long[1];
            var answers = Pdus.parseAssociateAccept(in.readNBytes((int) length[0]), proposed, peerMax);
            return new RequestedAssociation(socket, in, out,
                    answers.stream().filter(PresentationContext::accepted).toList(), peerMax[0],
                    settings.maxPduLength());
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The accepted presentation contexts, each with its one transfer syntax. */
    public List<PresentationContext> accepted() {
        return accepted;
    }

    /** C-ECHO (PS3.7 9.1.5); returns the response's status. */
    public int echo() throws IOException {
        var context = context(AcceptorSettings.VERIFICATION, null);
        var command = new Attributes();
        command.setString(Dimse.AFFECTED_SOP_CLASS_UID, VR.UI, AcceptorSettings.VERIFICATION);
        command.setInt(Dimse.COMMAND_FIELD, VR.US, C_ECHO_RQ);
        command.setInt(Dimse.MESSAGE_ID, VR.US, ++messageId);
        command.setInt(Dimse.COMMAND_DATA_SET_TYPE, VR.US, Dimse.NO_DATA_SET);
        writer.command(context.id(), command);
        return status();
    }

    /**
     * C-STORE (PS3.7 9.1.1) of a data set already encoded in {@code transferSyntaxUid}, which a presentation context
     * of {@code sopClassUid} must have accepted; returns the response's status and Error Comment.
     */
    public DimseStatus store(String sopClassUid, String sopInstanceUid, String transferSyntaxUid, InputStream dataset)
            throws IOException {
        var context = context(sopClassUid, transferSyntaxUid);
        var command = new Attributes();
        command.setString(Dimse.AFFECTED_SOP_CLASS_UID, VR.UI, sopClassUid);
        command.setInt(Dimse.COMMAND_FIELD, VR.US, C_STORE_RQ);
        command.setInt(Dimse.MESSAGE_ID, VR.US, ++messageId);
        command.setInt(0x00000700, VR.US, MEDIUM_PRIORITY);
        command.setInt(Dimse.COMMAND_DATA_SET_TYPE, VR.US, 0x0000);
        command.setString(Dimse.AFFECTED_SOP_INSTANCE_UID, VR.UI, sopInstanceUid);
        writer.command(context.id(), command);
        writer.dataset(context.id(), dataset);
        var response = response();
        String comment = response.getString(Dimse.ERROR_COMMENT);
        return new DimseStatus(response.getInt(Dimse.STATUS, -1), comment == null ? null : comment.strip());
    }

    /** A-RELEASE (PS3.8 7.2): asks the acceptor to release and waits for its answer. */
    public void release() throws IOException {
        if (released) {
            return;
        }
        released = true;
        out.write(Pdus.releaseRequest());
        out.flush();
        long[] length = new long[1];
        int type = Pdus.readHeader(in, length);
        if (type != Pdus.RELEASE_RP) {
            throw new PduException("expected A-RELEASE-RP, got PDU type " + type, Abort.outOfPlace(type));
        }
        socket.close();
    }

    /** Releases if still open; aborts when the release fails. */
    @Override
    public void close() throws IOException {
        try {
            release();
        } catch (IOException e) {
            if (!socket.isClosed()) {
                out.write(Pdus.abort(Abort.SOURCE_SERVICE_USER, Abort.REASON_NOT_SPECIFIED));
                out.flush();
            }
        } finally {
            socket.close();
        }
    }

    private PresentationContext context(String abstractSyntax, String transferSyntax) throws IOException {
        return accepted.stream()
                .filter(c -> c.abstractSyntax().equals(abstractSyntax))
                .filter(c -> transferSyntax == null || c.transferSyntax().equals(transferSyntax))
                .findFirst()
                .orElseThrow(() -> new IOException("no accepted presentation context for " + abstractSyntax
                        + (transferSyntax == null ? "" : " in " + transferSyntax)));
    }

    private int status() throws IOException {
        return response().getInt(Dimse.STATUS, -1);
    }

    private Attributes response() throws IOException {
        PDataReader.Pdv pdv = data.next();
        if (pdv == null) {
            throw new PduException("expected a DIMSE response, got PDU type " + data.otherPdu(),
                    Abort.outOfPlace(data.otherPdu()));
        }
        return data.command(pdv);
    }
}
