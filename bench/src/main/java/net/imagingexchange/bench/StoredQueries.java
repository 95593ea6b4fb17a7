// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.util.UUID;

/** ITI-18 request envelopes of the two stored queries the bench times, LeafClass, for Approved entries. */
final class StoredQueries {

    static final String ACTION = "urn:ihe:iti:2007:RegistryStoredQuery";
    /** ITI TF-2 3.18.4.1.2.3.7.1 */
    static final String FIND_DOCUMENTS = "urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d";
    /** ITI TF-2 3.18.4.1.2.3.7.14 */
    static final String FIND_DOCUMENTS_BY_REFERENCE_ID = "urn:uuid:12941a89-e02e-4be5-967c-ce4bfc8fe492";
    static final String PATIENT_ID = "$XDSDocumentEntryPatientId";
    static final String STATUS = "$XDSDocumentEntryStatus";
    static final String REFERENCE_ID_LIST = "$XDSDocumentEntryReferenceIdList";
    static final String APPROVED = "urn:oasis:names:tc:ebxml-regrep:StatusType:Approved";

    private static final String TEMPLATE = Workload.resource("/bench/iti18-stored-query.xml");

    private StoredQueries() {
    }

    static String findDocuments(String patientId) {
        return envelope(FIND_DOCUMENTS, slot(PATIENT_ID, quoted(patientId)) + slot(STATUS, list(APPROVED)));
    }

    static String findDocumentsByReferenceId(String patientId, String referenceId) {
        return envelope(FIND_DOCUMENTS_BY_REFERENCE_ID, slot(PATIENT_ID, quoted(patientId))
                + slot(STATUS, list(APPROVED)) + slot(REFERENCE_ID_LIST, list(referenceId)));
    }

    private static String envelope(String queryId, String slots) {
        return TEMPLATE.replace("${uuid}", UUID.randomUUID().toString()).replace("${queryId}", queryId)
                .replace("${slots}", slots);
    }

    // ITI TF-2 3.18.4.1.2.3.2: a single string is single-quoted, a list is parenthesised quoted strings.
    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String list(String value) {
        return "(" + quoted(value) + ")";
    }

    private static String slot(String name, String value) {
        return "        <rim:Slot name=\"" + name + "\"><rim:ValueList><rim:Value>" + Workload.xml(value)
                + "</rim:Value></rim:ValueList></rim:Slot>\n";
    }
}
