// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.report;

import java.nio.file.Path;
import java.util.Optional;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;

/**
 * One report on its way to the repository.
 *
 * @param report            what the report says.
 * @param manifestEntry     the study's KOS DocumentEntry: the report takes its referenceIdList, eventCodeList and
 *                          serviceStartTime (spec/xdsi.md 6.5).
 * @param patientCx         the regional patient ID.
 * @param cda               the CDA document, written once.
 * @param submissionSetUid  a new OID for the SubmissionSet.
 * @param replacedEntryUuid the entryUUID of the report this one replaces (RPLC).
 */
public record ReportSubmission(ClinicalReport report, DocumentEntry manifestEntry, String patientCx, Path cda,
                               String submissionSetUid, Optional<String> replacedEntryUuid) {
}
