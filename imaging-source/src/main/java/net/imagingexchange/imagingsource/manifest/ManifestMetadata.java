// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.manifest;

import static java.util.Objects.requireNonNull;

import java.util.UUID;
import java.util.function.Supplier;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.SubmissionSet;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Timestamp;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;

import net.imagingexchange.xds.domain.ConfiguredCodes;
import net.imagingexchange.xds.submission.FileDocument;
import net.imagingexchange.xds.submission.OneDocumentSubmission;

/**
 * The RAD-68 Provide and Register Imaging Document Set request of one manifest (RAD TF-2 4.68.4.1.2.3), in IPF's
 * simplified model: one DocumentEntry for the KOS, the SubmissionSet, their HasMember association and, for a new
 * version of a study's manifest, an RPLC association to the entry it replaces (ITI TF-3 4.2.2.2.3; spec/xdsi.md
 * 1.6). The document's content streams from the KOS file when the request is sent. Every object gets a
 * {@code urn:uuid:} entryUUID, so the caller knows the new entry's entryUUID for the next replacement.
 */
public final class ManifestMetadata {

    /** RAD TF-2 4.68.4.1.2.3.2: the mimeType of a KOS manifest. */
    public static final String MIME_TYPE = "application/dicom";
    /** RAD TF-2 4.68.4.1.2.3.2: formatCode is the KOS SOP Class UID in the DICOM UID registry. */
    public static final String FORMAT_SCHEME = "1.2.840.10008.2.6.1";
    public static final String FORMAT_DISPLAY = "Key Object Selection Document";
    /** DocumentEntry.title when the study has no Study Description. */
    public static final String DEFAULT_TITLE = "Imaging study";

    private final MetadataSettings settings;
    private final Supplier<UUID> uuids;

    /** @param uuids the source of entryUUIDs; production uses {@link UUID#randomUUID()}, tests pin it. */
    public ManifestMetadata(MetadataSettings settings, Supplier<UUID> uuids) {
        this.settings = requireNonNull(settings, "settings");
        this.uuids = requireNonNull(uuids, "uuids");
    }

    /**
     * The request for one manifest.
     *
     * @throws IllegalArgumentException when the study's patient has no issuer OID and the settings give none
     *                                  ({@link MetadataSettings#localIssuerOid()}).
     */
    public ProvideAndRegisterDocumentSet request(ManifestSubmission submission) {
        DocumentEntry entry = new ManifestEntry(settings).build(submission, newEntryUuid());
        SubmissionSet set = submissionSet(submission, entry.getPatientId());
        return OneDocumentSubmission.request(set, entry, new FileDocument(submission.kosFile(), MIME_TYPE),
                submission.replacedEntryUuid(), this::newEntryUuid);
    }

    // ITI TF-3 4.2.3.3
    private SubmissionSet submissionSet(ManifestSubmission submission, Identifiable patientId) {
        var set = new SubmissionSet();
        set.setEntryUuid(newEntryUuid());
        set.setUniqueId(submission.submissionSetUniqueId());
        set.setSourceId(settings.sourceId());
        set.setPatientId(patientId);
        set.setSubmissionTime(new Timestamp(submission.submissionTime(), Timestamp.Precision.SECOND));
        set.setContentTypeCode(ConfiguredCodes.parse(settings.contentTypeCode()));
        set.getAuthors().add(ManifestEntry.author(settings));
        return set;
    }

    private String newEntryUuid() {
        return "urn:uuid:" + uuids.get();
    }
}
