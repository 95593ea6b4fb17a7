// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.index;

import java.util.List;

import net.imagingexchange.dicom.Uids;

/**
 * A study as indexed, with its patient as the first instance named it. Absent DICOM values are empty strings.
 *
 * @param studyInstanceUid  (0020,000D).
 * @param patient           the patient every instance of the study names.
 * @param studyDate         (0008,0020), DA.
 * @param studyTime         (0008,0030), TM.
 * @param accessionNumber   (0008,0050).
 * @param accessionIssuer   the Universal Entity ID of Issuer of Accession Number Sequence (0008,0051), an OID.
 * @param studyDescription  (0008,1030).
 * @param referringPhysicianName (0008,0090), PN.
 * @param studyId           (0020,0010).
 * @param institutionName   (0008,0080) of the first instance.
 * @param timezoneOffset    (0008,0201), {@code &ZZXX}.
 * @param contentRevision   incremented with every new or changed instance.
 * @param lastReceivedMillis when the last new or changed instance arrived, epoch milliseconds.
 */
public record StudyRecord(String studyInstanceUid, Patient patient, String studyDate, String studyTime,
                          String accessionNumber, String accessionIssuer, String studyDescription,
                          String referringPhysicianName, String studyId, String institutionName,
                          String timezoneOffset, long contentRevision, long lastReceivedMillis) {

    /**
     * @param patientId        (0010,0020), the local ID.
     * @param issuer           Issuer of Patient ID (0010,0021) or, when that is empty, the Universal Entity ID of
     *                         Issuer of Patient ID Qualifiers Sequence (0010,0024); empty when none is named.
     * @param name             (0010,0010), PN as encoded (components separated by {@code ^}).
     * @param birthDate        (0010,0030), DA.
     * @param sex              (0010,0040).
     * @param otherIds         Other Patient IDs Sequence (0010,1002) items that name an issuer.
     */
    public record Patient(String patientId, String issuer, String name, String birthDate, String sex,
                          List<OtherId> otherIds) {

        /** Whether {@code other} is the same patient identifier (ID and issuer). */
        public boolean sameIdentifier(Patient other) {
            return patientId.equals(other.patientId) && issuer.equals(other.issuer);
        }

        /**
         * The OID that issues this ID: the named issuer when it is an OID, else the site's ({@code localIssuerOid}),
         * for an instance that names none or names it by a name (ITI TF-3 4.2.3.2.20 needs an OID).
         */
        public String issuerOid(String localIssuerOid) {
            return Uids.isOid(issuer) ? issuer : localIssuerOid;
        }

        /** The local ID as audit records name it: {@code id^^^issuer}, or {@code id} when no issuer is named. */
        public String auditId() {
            return issuer.isEmpty() ? patientId : patientId + "^^^" + issuer;
        }

        /** {@code id} or {@code id (issuer)}, for messages. */
        public String describe() {
            return issuer.isEmpty() ? patientId : patientId + " (" + issuer + ")";
        }
    }

    /** One Other Patient IDs Sequence item: (0010,0020) and its issuer, as in {@link Patient#issuer()}. */
    public record OtherId(String patientId, String issuer) {
    }
}
