// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.patientfeed;

import java.io.IOException;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.protocol.MetadataKeys;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.util.Terser;

/**
 * ITI-8 Patient Identity Feed (ITI TF-2 3.8), Document Registry side: applies ADT A01/A04/A05/A08/A40 to the
 * {@link PatientRegistry} and answers with an original-mode ACK (MSA-1 AA, or AE/AR with an ERR segment; MSA-2
 * echoes MSH-10).
 */
public class Iti8Endpoint implements ReceivingApplication<Message> {

    private static final Logger LOG = LoggerFactory.getLogger(Iti8Endpoint.class);

    private final AdtMessageReader reader;
    private final PatientRegistry patients;

    public Iti8Endpoint(AdtMessageReader reader, PatientRegistry patients) {
        this.reader = reader;
        this.patients = patients;
    }

    @Override
    public Message processMessage(Message message, Map<String, Object> metadata) throws HL7Exception {
        long start = System.nanoTime();
        var terser = new Terser(message);
        String event = terser.get("/MSH-9-1") + "^" + terser.get("/MSH-9-2");
        MDC.put("corr", String.valueOf(metadata.get(MetadataKeys.IN_MESSAGE_CONTROL_ID)));
        try {
            Message ack = answer(message);
            LOG.info("ITI-8 {} v{} {} peer={} ms={}", event, message.getVersion(),
                    new Terser(ack).get("/MSA-1"), metadata.get(MetadataKeys.IN_SENDING_IP),
                    (System.nanoTime() - start) / 1_000_000);
            return ack;
        } finally {
            MDC.remove("corr");
        }
    }

    @Override
    public boolean canProcess(Message message) {
        return true;    // every message gets an answer here: unsupported ones an AR naming what is unsupported
    }

    private Message answer(Message message) throws HL7Exception {
        try {
            reader.read(message).applyTo(patients);
            return message.generateACK();
        } catch (FeedRejection rejection) {
            return nak(message, rejection);
        } catch (RuntimeException e) {
            LOG.error("ITI-8 could not apply the message", e);
            return nak(message, FeedRejection.error(ErrorCode.APPLICATION_INTERNAL_ERROR, "MSH", 9,
                    "the registry could not store the patient identity; send the message again"));
        } catch (IOException e) {
            throw new HL7Exception("cannot build the ACK", e);
        }
    }

    private static Message nak(Message message, FeedRejection rejection) throws HL7Exception {
        try {
            Message nak = message.generateACK(rejection.acknowledgment(), rejection);
            new Terser(nak).set("/MSA-3", rejection.text());
            return nak;
        } catch (IOException e) {
            throw new HL7Exception("cannot build the NAK", e);
        }
    }
}
