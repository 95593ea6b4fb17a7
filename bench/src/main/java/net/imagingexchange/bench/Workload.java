// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The submissions of a run, numbered from 0: submission {@code i} is one KOS DocumentEntry for patient
 * {@code i % patients}, with its own accession number and Study Instance UID in its referenceIdList. Every
 * identifier has a fixed width, so every submission, and every row it leaves, has the same size.
 */
final class Workload {

    /** The demo affinity domain's patient ID assigning authority (registry's demo-region.yaml). */
    static final String PATIENT_AUTHORITY = "1.3.6.1.4.1.21367.2005.13.20.1000";
    /** A submission outside the numbered ones, registered first; the limit copies the rows it leaves. */
    static final int CALIBRATION = 899_999_999;
    static final int CALIBRATION_PATIENT = 999_999;

    private static final String ITI42 = resource("/bench/iti42-single-document.xml");

    private final int patients;

    Workload(int patients) {
        this.patients = patients;
    }

    int patients() {
        return patients;
    }

    int patientOf(int submission) {
        return submission == CALIBRATION ? CALIBRATION_PATIENT : submission % patients;
    }

    /** The regional patient ID (CX) of a patient number. */
    static String patientId(int patient) {
        return String.format("PAT%06d^^^&%s&ISO", patient, PATIENT_AUTHORITY);
    }

    /** The OID arc that makes a submission's uniqueIds, accession number and Study Instance UID its own. */
    static String uid(int submission) {
        return Long.toString(1_000_000_000L + submission);
    }

    /** ITI TF-3 4.2.3.2.28: the accession number as CXi, as the sample writes it. */
    static String accession(int submission) {
        return "ACC-" + uid(submission) + "^^^&1.2.250.1.999.1.2&ISO^urn:ihe:iti:xds:2013:accession";
    }

    static String studyInstanceUid(int submission) {
        return "1.2.250.1.999.3." + uid(submission) + "^^^^urn:ihe:iti:xds:2016:studyInstanceUID";
    }

    /** The SubmissionSet uniqueId of a submission, as the sample builds it. */
    static String submissionSetUniqueId(int submission) {
        return "1.2.250.1.999.6." + uid(submission);
    }

    /** The ITI-42 SOAP envelope of a submission. */
    String envelope(int submission) {
        return ITI42.replace("${patientId}", xml(patientId(patientOf(submission))))
                .replace("${uid}", uid(submission))
                .replace("${uuid}", UUID.randomUUID().toString());
    }

    static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String resource(String name) {
        try (var in = Workload.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
