// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.patientfeed;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;

/**
 * An ITI-8 message the registry cannot apply. It becomes a NAK once, in {@link Iti8Endpoint}: MSA-1 is
 * {@link #acknowledgment()}, the ERR segment carries the HL7 table 0357 code, the location and the text. The text
 * never contains PHI, so it may be logged.
 */
public final class FeedRejection extends HL7Exception {

    private final AcknowledgmentCode acknowledgment;

    private FeedRejection(AcknowledgmentCode acknowledgment, ErrorCode code, String segment, int field,
                          String text) {
        super(text, code);
        this.acknowledgment = acknowledgment;
        setSegmentName(segment);
        setSegmentRepetition(1);
        setFieldPosition(field);
    }

    /** AR: the message itself is not one the registry takes (type, trigger event, version). */
    static FeedRejection rejected(ErrorCode code, String segment, int field, String text) {
        return new FeedRejection(AcknowledgmentCode.AR, code, segment, field, text);
    }

    /** AE: a supported message whose content cannot be applied. */
    static FeedRejection error(ErrorCode code, String segment, int field, String text) {
        return new FeedRejection(AcknowledgmentCode.AE, code, segment, field, text);
    }

    public AcknowledgmentCode acknowledgment() {
        return acknowledgment;
    }

    /** The text alone, without the location HAPI appends to {@link #getMessage()}. */
    public String text() {
        return getMessageWithoutLocation();
    }
}
