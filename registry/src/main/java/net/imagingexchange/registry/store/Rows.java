// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.store;

import java.util.List;

/** The rows one registration writes: indexed columns plus the ebRIM XML of each object. */
public final class Rows {

    private Rows() {
    }

    /** A DocumentEntry; codes are {@code code^^codingScheme}, times DTM strings. */
    public record DocumentEntryRow(String entryUuid, String uniqueId, String patientId, String objectType,
                                   String classCode, String typeCode, String formatCode, String practiceCode,
                                   String facilityCode, String creationTime, String serviceStart, String serviceStop,
                                   String hash, Long size, String repositoryId, List<String> eventCodes,
                                   List<String> confidentialityCodes, List<String> authorPersons,
                                   List<String> referenceIds, String xml) {
        public DocumentEntryRow {
            eventCodes = List.copyOf(eventCodes);
            confidentialityCodes = List.copyOf(confidentialityCodes);
            authorPersons = List.copyOf(authorPersons);
            referenceIds = List.copyOf(referenceIds);
        }
    }

    public record SubmissionSetRow(String entryUuid, String uniqueId, String patientId, String sourceId,
                                   String submissionTime, String contentType, List<String> authorPersons,
                                   String xml) {
        public SubmissionSetRow {
            authorPersons = List.copyOf(authorPersons);
        }
    }

    public record FolderRow(String entryUuid, String uniqueId, String patientId, String lastUpdateTime,
                            List<String> codes, String xml) {
        public FolderRow {
            codes = List.copyOf(codes);
        }
    }

    /** @param type the short association type: HasMember, RPLC, XFRM, APND, XFRM_RPLC, signs, IsSnapshotOf. */
    public record AssociationRow(String entryUuid, String type, String sourceUuid, String targetUuid, String xml) {
    }

    /** A stored object's XML with the registry-maintained values to apply on the way out. */
    public record StoredXml(String entryUuid, ObjectKind kind, String patientId, String status,
                            String lastUpdateTime, String xml) {
    }
}
