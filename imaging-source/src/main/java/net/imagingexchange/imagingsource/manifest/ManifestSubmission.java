// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.manifest;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Optional;

import net.imagingexchange.dicom.Uids;
import net.imagingexchange.imagingsource.index.StudySnapshot;

/**
 * One RAD-68 submission of a manifest.
 *
 * @param study                 the study the manifest was built from.
 * @param manifest              the manifest's identity, as given to {@link KosManifest#build}.
 * @param kosFile               the manifest's Part 10 file, as written by {@link KosManifest#write}; read only when
 *                              the request is sent.
 * @param patientId             the patient's ID in the affinity domain, CX {@code id^^^&oid&ISO} (ITI TF-3
 *                              4.2.3.2.23); the DICOM Patient ID is only the local one.
 * @param submissionSetUniqueId SubmissionSet.uniqueId: a new OID per submission.
 * @param submissionTime        SubmissionSet.submissionTime.
 * @param replacedEntryUuid     the entryUUID of the Approved manifest this one replaces (RPLC, ITI TF-3 4.2.2.2.3),
 *                              or empty for the study's first manifest.
 */
public record ManifestSubmission(StudySnapshot study, ManifestIdentity manifest, Path kosFile, String patientId,
                                 String submissionSetUniqueId, ZonedDateTime submissionTime,
                                 Optional<String> replacedEntryUuid) {

    public ManifestSubmission {
        requireNonNull(study, "study");
        requireNonNull(manifest, "manifest");
        requireNonNull(kosFile, "kosFile");
        requireNonNull(patientId, "patientId");
        requireNonNull(submissionTime, "submissionTime");
        requireNonNull(replacedEntryUuid, "replacedEntryUuid");
        if (!Uids.isOid(submissionSetUniqueId)) {
            throw new IllegalArgumentException("SubmissionSet.uniqueId must be an OID, not '" + submissionSetUniqueId
                    + "'");
        }
    }

    @Override
    public String toString() { // no PHI: the patient ID stays out of logs (STYLE.md Logging)
        return "ManifestSubmission[study=" + study.study().studyInstanceUid() + ", manifest="
                + manifest.sopInstanceUid() + ", submissionSet=" + submissionSetUniqueId + ", replaces="
                + replacedEntryUuid.orElse("-") + "]";
    }
}
