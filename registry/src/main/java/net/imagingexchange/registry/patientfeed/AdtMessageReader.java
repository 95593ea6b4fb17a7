// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.patientfeed;

import java.util.Optional;
import java.util.Set;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.util.Terser;

import net.imagingexchange.xds.domain.AffinityDomain;

/**
 * Reads an ITI-8 ADT message (HL7 v2.3.1, or v2.5 as in ITI-30) into a {@link PatientFeedEvent}. It reads segments
 * by name ({@code /.PID}, {@code /.MRG}), so the v2.3.1 and v2.5 structures of HAPI are read alike.
 */
public class AdtMessageReader {

    /** ITI TF-2 3.8.4.1: the trigger events of Admit/Register or Update Patient. */
    public static final Set<String> ADMIT_OR_UPDATE = Set.of("A01", "A04", "A05", "A08");
    /** ITI TF-2 3.8.4.2: Patient Identifier Merge. */
    public static final String MERGE = "A40";
    /** ITI TF-2 3.8: the feed is HL7 v2.3.1; v2.5 (the ITI-30 profile of the same events) is accepted too. */
    public static final Set<String> VERSIONS = Set.of("2.3.1", "2.5");

    private static final int PID_PATIENT_IDENTIFIER_LIST = 3;
    private static final int MRG_PRIOR_PATIENT_IDENTIFIER_LIST = 1;
    private static final String HL7_DELIMITERS = "|^~\\&";

    private final AffinityDomain domain;

    public AdtMessageReader(AffinityDomain domain) {
        this.domain = domain;
    }

    /** The event the message asks for, or a {@link FeedRejection} naming what is wrong with it. */
    public PatientFeedEvent read(Message message) throws HL7Exception {
        var terser = new Terser(message);
        String version = message.getVersion();
        if (!VERSIONS.contains(version)) {
            throw FeedRejection.rejected(ErrorCode.UNSUPPORTED_VERSION_ID, "MSH", 12,
                    "unsupported HL7 version " + version + "; ITI-8 accepts 2.3.1 and 2.5");
        }
        String type = terser.get("/MSH-9-1");
        String trigger = terser.get("/MSH-9-2");
        if (!"ADT".equals(type)) {
            throw FeedRejection.rejected(ErrorCode.UNSUPPORTED_MESSAGE_TYPE, "MSH", 9,
                    "unsupported message type " + type + "; ITI-8 accepts ADT");
        }
        if (ADMIT_OR_UPDATE.contains(trigger)) {
            // ITI TF-2 3.8.4.1.3: only the ID of the affinity domain is kept; other PID-3 repetitions are ignored.
            return new PatientFeedEvent.AdmitOrUpdate(
                    domainId(terser.getSegment("/.PID"), PID_PATIENT_IDENTIFIER_LIST));
        }
        if (MERGE.equals(trigger)) {
            // ITI TF-2 3.8.4.2: PID-3 is the surviving patient, MRG-1 the one merged into it.
            String surviving = domainId(terser.getSegment("/.PID"), PID_PATIENT_IDENTIFIER_LIST);
            String subsumed = domainId(terser.getSegment("/.MRG"), MRG_PRIOR_PATIENT_IDENTIFIER_LIST);
            if (subsumed.equals(surviving)) {
                throw FeedRejection.error(ErrorCode.APPLICATION_INTERNAL_ERROR, "MRG", 1,
                        "MRG-1 names the same patient as PID-3; a patient cannot be merged into itself");
            }
            return new PatientFeedEvent.Merge(subsumed, surviving);
        }
        throw FeedRejection.rejected(ErrorCode.UNSUPPORTED_EVENT_CODE, "MSH", 9, "unsupported trigger event "
                + trigger + "; ITI-8 accepts " + String.join(", ", ADMIT_OR_UPDATE.stream().sorted().toList())
                + " and " + MERGE);
    }

    /**
     * The repetition of a CX list field whose assigning authority (CX.4) is the affinity domain's OID with universal
     * ID type ISO, rendered {@code id^^^&OID&ISO}.
     */
    private String domainId(Segment segment, int field) throws HL7Exception {
        String name = segment.getName() + "-" + field;
        int repetitions = segment.getField(field).length;
        if (!anyIdentifier(segment, field, repetitions)) {
            throw FeedRejection.error(ErrorCode.REQUIRED_FIELD_MISSING, segment.getName(), field, name + " missing");
        }
        for (int rep = 0; rep < repetitions; rep++) {
            Optional<String> id = domainId(segment, field, rep);
            if (id.isPresent()) {
                return id.get();
            }
        }
        throw FeedRejection.error(ErrorCode.UNKNOWN_KEY_IDENTIFIER, segment.getName(), field,
                name + " has no identifier of the affinity domain " + domain.patientIdAssigningAuthority()
                        + " (CX.4 must be &" + domain.patientIdAssigningAuthority() + "&ISO)");
    }

    private static boolean anyIdentifier(Segment segment, int field, int repetitions) throws HL7Exception {
        for (int rep = 0; rep < repetitions; rep++) {
            if (Terser.get(segment, field, rep, 1, 1) != null) {
                return true;
            }
        }
        return false;
    }

    private Optional<String> domainId(Segment segment, int field, int rep) throws HL7Exception {
        String id = Terser.get(segment, field, rep, 1, 1);
        String universalId = Terser.get(segment, field, rep, 4, 2);
        String universalIdType = Terser.get(segment, field, rep, 4, 3);
        if (id == null || !domain.patientIdAssigningAuthority().equals(universalId)
                || !"ISO".equals(universalIdType)) {
            return Optional.empty();
        }
        if (id.isBlank() || id.chars().anyMatch(c -> HL7_DELIMITERS.indexOf(c) >= 0)) {
            throw FeedRejection.error(ErrorCode.DATA_TYPE_ERROR, segment.getName(), field,
                    segment.getName() + "-" + field + " CX.1 of the affinity domain is blank or holds a delimiter");
        }
        return Optional.of(id + "^^^&" + universalId + "&ISO");
    }
}
