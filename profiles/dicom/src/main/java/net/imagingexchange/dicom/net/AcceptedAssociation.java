// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.data.Attributes;

/**
 * One association accepted by a {@link DicomServer}: negotiation (PS3.8 7.1), then DIMSE C-ECHO and C-STORE
 * (PS3.7 9.1.1, 9.1.5) until A-RELEASE or A-ABORT. Every violation of PS3.8 ends in an A-ABORT; nothing a peer
 * sends is held whole in memory except commands, which are bounded.
 */
final class AcceptedAssociation implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(AcceptedAssociation.class);
    private static final int MAX_ASSOCIATE_RQ = 64 * 1024;
    private static final int C_STORE_RQ = 0x0001;
    private static final int C_ECHO_RQ = 0x0030;
    private static final int UNRECOGNIZED_OPERATION = 0x0211;

    private final Socket socket;
    private final AcceptorSettings settings;
    private final StoreHandler store;
    private final Runnable finished;
    private OutputStream out;
    private PDataWriter writer;
    private String callingAeTitle;

    AcceptedAssociation(Socket socket, AcceptorSettings settings, StoreHandler store, Runnable finished) {
        this.socket = socket;
        this.settings = settings;
        this.store = store;
        this.finished = finished;
    }

    @Override
    public void run() {
        try (socket) {
            socket.setTcpNoDelay(true); // or every small PDU waits for Nagle's algorithm
            socket.setSoTimeout((int) settings.artimTimeout().toMillis());
            var in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
            out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            try {
                Map<Integer, PresentationContext> accepted = negotiate(in);
                if (accepted != null) {
                    socket.setSoTimeout((int) settings.idleTimeout().toMillis());
                    serve(new PDataReader(in, settings.maxPduLength()), accepted);
                }
            } catch (PduException e) {
                LOG.info("aborting association from {}: {}", socket.getRemoteSocketAddress(), e.getMessage());
                send(Pdus.abort(Abort.SOURCE_SERVICE_PROVIDER, e.reason()));
            } catch (SocketTimeoutException e) {
                LOG.info("aborting silent association from {}", socket.getRemoteSocketAddress());
                send(Pdus.abort(Abort.SOURCE_SERVICE_PROVIDER, Abort.REASON_NOT_SPECIFIED));
            }
        } catch (IOException e) {
            LOG.info("association from {} ended: {}", socket.getRemoteSocketAddress(), e.toString());
        } finally {
            if (callingAeTitle != null) {
                try {
                    store.associationEnded(callingAeTitle, socket.getInetAddress());
                } catch (RuntimeException e) {
                    LOG.warn("store handler failed at the end of the association from {}", callingAeTitle, e);
                }
            }
            finished.run();
        }
    }

    /** Answers the A-ASSOCIATE-RQ; returns the accepted presentation contexts by id, or null when rejected. */
    private Map<Integer, PresentationContext> negotiate(DataInputStream in) throws IOException {
        long[] length = new long[1];
        int type = Pdus.readHeader(in, length);
        if (type != Pdus.ASSOCIATE_RQ) {
            throw new PduException("expected A-ASSOCIATE-RQ, got PDU type " + type, Abort.outOfPlace(type));
        }
        if (length[0] > MAX_ASSOCIATE_RQ) {
            throw new PduException("A-ASSOCIATE-RQ of " + length[0] + " bytes", Abort.INVALID_PDU_PARAMETER_VALUE);
        }
        byte[] body = new byte[(int) length[0]];
        in.readFully(body);
        AssociateRequest request = Pdus.parseAssociateRequest(body);
        Integer rejection = rejection(request);
        if (rejection != null) {
            LOG.info("rejecting association from {} calling {}: reason {}", request.callingAeTitle(),
                    request.calledAeTitle(), rejection & 0xFF);
            send(Pdus.associateReject(1, rejection >>> 8, rejection & 0xFF));
            return null;
        }
        var answers = new ArrayList<PresentationContext>();
        var accepted = new HashMap<Integer, PresentationContext>();
        for (PresentationContext proposed : request.presentationContexts()) {
            // the requestor lists its transfer syntaxes in the order it prefers; any is stored as received
            var answer = new PresentationContext(proposed.id(), proposed.abstractSyntax(),
                    List.of(proposed.transferSyntaxes().get(0)), settings.accepts(proposed.abstractSyntax())
                    ? PresentationContext.ACCEPTANCE : PresentationContext.ABSTRACT_SYNTAX_NOT_SUPPORTED);
            answers.add(answer);
            if (answer.accepted()) {
                accepted.put(answer.id(), answer);
            }
        }
        writer = new PDataWriter(out, request.maxPduLength());
        send(Pdus.associateAccept(request, answers, settings.maxPduLength()));
        LOG.info("association from {} ({}): {} of {} presentation contexts accepted", request.callingAeTitle(),
                request.implementationVersionName(), accepted.size(), answers.size());
        callingAeTitle = request.callingAeTitle();
        return accepted;
    }

    // (source << 8 | reason) of an A-ASSOCIATE-RJ, or null (PS3.8 Table 9-21)
    private Integer rejection(AssociateRequest request) {
        if ((request.protocolVersion() & 1) == 0) {
            return 2 << 8 | 2; // ACSE provider: protocol version not supported
        }
        if (!AssociateRequest.DICOM_APPLICATION_CONTEXT.equals(request.applicationContext())) {
            return 1 << 8 | 2; // service user: application context name not supported
        }
        if (!settings.aeTitle().equals(request.calledAeTitle())) {
            return 1 << 8 | 7; // service user: called AE title not recognized
        }
        return null;
    }

    private void serve(PDataReader data, Map<Integer, PresentationContext> accepted) throws IOException {
        while (true) {
            PDataReader.Pdv pdv = data.next();
            if (pdv == null) {
                if (data.otherPdu() == Pdus.RELEASE_RQ) {
                    send(Pdus.releaseResponse());
                } else if (data.otherPdu() > 0 && data.otherPdu() != Pdus.ABORT) {
                    throw new PduException("unexpected PDU type " + data.otherPdu(),
                            Abort.outOfPlace(data.otherPdu()));
                }
                return;
            }
            PresentationContext context = accepted.get(pdv.contextId());
            if (context == null || !pdv.command()) {
                throw new PduException("PDV on presentation context " + pdv.contextId()
                        + (context == null ? ", which was not accepted" : " without a command"), Abort.UNEXPECTED_PDU);
            }
            respond(data, context, data.command(pdv));
        }
    }

    private void respond(PDataReader data, PresentationContext context, Attributes command) throws IOException {
        int field = command.getInt(Dimse.COMMAND_FIELD, -1);
        boolean hasDataSet = command.getInt(Dimse.COMMAND_DATA_SET_TYPE, Dimse.NO_DATA_SET) != Dimse.NO_DATA_SET;
        Attributes response;
        if (field == C_ECHO_RQ) {
            response = Dimse.response(command, field | 0x8000, StoreHandler.SUCCESS);
        } else if (field == C_STORE_RQ && hasDataSet) {
            response = store(data, context, command);
        } else {
            if (hasDataSet) {
                data.dataset(context.id()).transferTo(OutputStream.nullOutputStream());
            }
            response = Dimse.response(command, field | 0x8000, UNRECOGNIZED_OPERATION);
        }
        writer.command(context.id(), response);
    }

    private Attributes store(PDataReader data, PresentationContext context, Attributes command) throws IOException {
        var request = new StoreRequest(callingAeTitle, command.getString(Dimse.AFFECTED_SOP_CLASS_UID),
                command.getString(Dimse.AFFECTED_SOP_INSTANCE_UID), context.transferSyntax());
        InputStream dataset = data.dataset(context.id());
        int status;
        String errorComment = null;
        try {
            status = store.store(request, dataset);
        } catch (PduException e) {
            throw e;
        } catch (StoreStatusException e) {
            LOG.info("C-STORE of {} from {} refused ({}): {}", request.sopInstanceUid(), callingAeTitle,
                    String.format("%04X", e.status()), e.getMessage());
            status = e.status();
            errorComment = e.getMessage();
        } catch (IOException | RuntimeException e) {
            LOG.warn("C-STORE of {} failed: {}", request.sopInstanceUid(), e.toString());
            status = StoreHandler.OUT_OF_RESOURCES;
        }
        // whatever the handler left unread, so that the next PDV is the next message's
        dataset.transferTo(OutputStream.nullOutputStream());
        var response = Dimse.response(command, C_STORE_RQ | 0x8000, status);
        if (errorComment != null && !errorComment.isBlank()) {
            String text = errorComment.length() > 64 ? errorComment.substring(0, 64) : errorComment;
            response.setString(Dimse.ERROR_COMMENT, VR.LO, text);
        }
        return response;
    }

    private void send(byte[] pdu) throws IOException {
        out.write(pdu);
        out.flush();
    }
}
