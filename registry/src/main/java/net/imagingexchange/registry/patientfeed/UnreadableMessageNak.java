// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.patientfeed;

import java.io.IOException;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.v25.message.ACK;
import ca.uhn.hl7v2.protocol.MetadataKeys;
import ca.uhn.hl7v2.protocol.ReceivingApplicationExceptionHandler;

/**
 * Answers frames that HAPI could not parse. HAPI builds the NAK itself when it can read the MSH segment; for a frame
 * without one (not ER7, or a truncated MSH) it has nothing to send, and the sender would wait for its timeout. Then
 * this handler sends a v2.5 ACK with MSA-1 AR and ERR code 100 (HL7 table 0357: required segment missing).
 */
final class UnreadableMessageNak implements ReceivingApplicationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(UnreadableMessageNak.class);

    private static final String MINIMAL_NAK = "MSH|^~\\&|||||||ACK|0|P|2.5\rMSA|AR|\r";

    private final HapiContext context;

    UnreadableMessageNak(HapiContext context) {
        this.context = context;
    }

    @Override
    public String processException(String incoming, Map<String, Object> metadata, String outgoing,
                                   Exception cause) {
        if (outgoing != null) {
            // HAPI's own NAK (parse or validation failure, exception from Iti8Endpoint).
            LOG.info("ITI-8 unparsed message AE peer={}", metadata.get(MetadataKeys.IN_SENDING_IP));
            return outgoing;
        }
        LOG.info("ITI-8 unreadable frame AR peer={}", metadata.get(MetadataKeys.IN_SENDING_IP));
        try {
            ACK nak = context.newMessage(ACK.class);
            nak.initQuickstart("ACK", null, "P");
            var problem = new HL7Exception("not an HL7 v2 message: no readable MSH segment",
                    ErrorCode.SEGMENT_SEQUENCE_ERROR);
            problem.populateResponse(nak, AcknowledgmentCode.AR, 0);
            nak.getMSA().getTextMessage().setValue(problem.getMessageWithoutLocation());
            return nak.encode();
        } catch (HL7Exception | IOException e) {
            LOG.error("ITI-8 cannot build a NAK; sending the minimal one", e);
            return MINIMAL_NAK;
        }
    }
}
