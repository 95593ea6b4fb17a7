// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.patientfeed;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.AbstractMessage;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.protocol.MetadataKeys;
import ca.uhn.hl7v2.protocol.ReceivingApplicationExceptionHandler;
import ca.uhn.hl7v2.util.Terser;

/**
 * The NAK for a message HAPI could not parse. HAPI's own one is switched off (policy {@code DO_NOT_RESPOND}): it
 * sends nothing for a frame without a readable MSH, and for the others draws MSH-10 from a file it writes into the
 * working directory. This one answers every frame: MSA-1 AR when the MSH is unreadable or names an unsupported
 * version or type (HL7 table 0357 codes 100, 200-203), AE otherwise; MSA-2 echoes MSH-10 when it can be read.
 */
final class ParseFailureNak implements ReceivingApplicationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ParseFailureNak.class);
    private static final String MINIMAL_NAK = "MSH|^~\\&|||||||ACK|0|P|2.5\rMSA|AR|\r";
    private static final Pattern SEGMENT_END = Pattern.compile("[\r\n]");

    private final HapiContext context;

    ParseFailureNak(HapiContext context) {
        this.context = context;
    }

    @Override
    public String processException(String incoming, Map<String, Object> metadata, String outgoing,
                                   Exception cause) {
        if (outgoing != null) {
            return outgoing;
        }
        String[] msh = mshFields(incoming);
        HL7Exception problem = msh.length < 12
                ? new HL7Exception("not an HL7 v2 message: no readable MSH segment", ErrorCode.SEGMENT_SEQUENCE_ERROR)
                : asHl7Exception(cause);
        int code = problem.getErrorCode();
        var acknowledgment = msh.length < 12 || (code >= 200 && code <= 203) ? AcknowledgmentCode.AR
                : AcknowledgmentCode.AE;
        LOG.info("ITI-8 unparsable message {} error={} peer={}", acknowledgment, code,
                metadata.get(MetadataKeys.IN_SENDING_IP));
        try {
            return nak(msh, acknowledgment, problem).encode();
        } catch (HL7Exception | IOException e) {
            LOG.error("ITI-8 cannot build a NAK; sending the minimal one", e);
            return MINIMAL_NAK;
        }
    }

    private Message nak(String[] msh, AcknowledgmentCode acknowledgment, HL7Exception problem)
            throws HL7Exception, IOException {
        boolean v231 = msh.length >= 12 && "2.3.1".equals(msh[11]);
        AbstractMessage nak = v231 ? context.newMessage(ca.uhn.hl7v2.model.v231.message.ACK.class)
                : context.newMessage(ca.uhn.hl7v2.model.v25.message.ACK.class);
        nak.initQuickstart("ACK", null, "P");
        var terser = new Terser(nak);
        problem.populateResponse(nak, acknowledgment, 0);
        terser.set("/MSA-3", problem.getMessageWithoutLocation());
        if (msh.length >= 10) {
            terser.set("/MSH-3-1", msh[4]);     // the answer goes back: our MSH-3/4 are its MSH-5/6
            terser.set("/MSH-4-1", msh[5]);
            terser.set("/MSH-5-1", msh[2]);
            terser.set("/MSH-6-1", msh[3]);
            terser.set("/MSA-2", msh[9]);
        }
        return nak;
    }

    /** The MSH fields split on the frame's own field separator; index n holds MSH-(n+1). Empty when unreadable. */
    private static String[] mshFields(String incoming) {
        if (incoming == null || incoming.length() < 8 || !incoming.startsWith("MSH")) {
            return new String[0];
        }
        String separator = Pattern.quote(incoming.substring(3, 4));
        String[] fields = SEGMENT_END.split(incoming, 2)[0].split(separator, -1);
        for (int i = 0; i < fields.length; i++) {
            fields[i] = fields[i].substring(0, Math.min(fields[i].length(), 40)).split("\\^", -1)[0];
        }
        return fields;
    }

    private static HL7Exception asHl7Exception(Exception cause) {
        return cause instanceof HL7Exception hl7 ? hl7
                : new HL7Exception("message cannot be parsed", ErrorCode.APPLICATION_INTERNAL_ERROR);
    }
}
