// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.rad69;

import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Severity;

/**
 * Why a requested instance is not returned, and the RegistryError code it becomes (RAD TF-2 4.69.4.2.3: the ITI-43
 * codes of ITI TF-3 Table 4.2.4.2-4, and PS3.18 WADO-WS codes where ITI has none).
 */
public enum RetrieveFailure {
    /** The RepositoryUniqueId is not this source's Retrieve Location UID. */
    UNKNOWN_REPOSITORY("XDSUnknownRepositoryId"),
    /** No instance with this SOP Instance UID is stored here. */
    UNKNOWN_INSTANCE("XDSDocumentUniqueIdError"),
    /** The instance is stored, but not in the study and series the request names it under. */
    NOT_IN_REQUESTED_SERIES("XDSDocumentUniqueIdError"),
    /**
     * RAD TF-2 4.69.4.2.2 (RAD69-005): the stored transfer syntax is not in TransferSyntaxUIDList and we do not
     * transcode. PS3.18 (2014) 6.4.4 code 0007: "cannot be provided in the requested format or transfer syntax".
     */
    TRANSFER_SYNTAX_NOT_REQUESTED("urn:dicom:wado:0007"),
    /** A study, series or document identifier is empty or not a UID (NIST ids_4812 cases 5-7). */
    INVALID_REQUEST("XDSRepositoryError"),
    /** The index names the instance but its file cannot be read: ours to fix, not the consumer's. */
    INSTANCE_UNREADABLE("XDSRepositoryError");

    private final String code;

    RetrieveFailure(String code) {
        this.code = code;
    }

    /** The RegistryError errorCode. */
    public String code() {
        return code;
    }

    /** The RegistryError for one instance: severity Error, {@code @location} its DocumentUniqueId (RAD69-016). */
    public ErrorInfo error(String codeContext, String documentUniqueId) {
        ErrorCode known = ErrorCode.valueOfOpcode(code);
        return new ErrorInfo(known, codeContext, Severity.ERROR, documentUniqueId,
                known == ErrorCode._USER_DEFINED ? code : null);
    }
}
