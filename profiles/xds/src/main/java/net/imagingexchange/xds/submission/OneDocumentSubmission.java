// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.xds.submission;

import java.util.Optional;
import java.util.function.Supplier;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.Association;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationLabel;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Document;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.SubmissionSet;

/**
 * An ITI-41 / RAD-68 request that submits one document: the SubmissionSet, the DocumentEntry with its content, their
 * HasMember association labelled Original (ITI TF-3 4.2.2.1.2) and, for a new version of a document, an RPLC
 * association to the entry it replaces (ITI TF-3 4.2.2.2.3).
 */
public final class OneDocumentSubmission {

    private OneDocumentSubmission() {
    }

    /**
     * @param replacedEntryUuid the entryUUID of the document this one replaces, if any.
     * @param newEntryUuid      the source of the associations' {@code urn:uuid:} entryUUIDs.
     */
    public static ProvideAndRegisterDocumentSet request(SubmissionSet set, DocumentEntry entry, DataSource content,
                                                        Optional<String> replacedEntryUuid,
                                                        Supplier<String> newEntryUuid) {
        var request = new ProvideAndRegisterDocumentSet();
        request.setSubmissionSet(set);
        request.getDocuments().add(new Document(entry, new DataHandler(content)));
        var member = new Association(AssociationType.HAS_MEMBER, newEntryUuid.get(), set.getEntryUuid(),
                entry.getEntryUuid());
        member.setLabel(AssociationLabel.ORIGINAL);
        request.getAssociations().add(member);
        replacedEntryUuid.ifPresent(previous -> request.getAssociations().add(
                new Association(AssociationType.REPLACE, newEntryUuid.get(), entry.getEntryUuid(), previous)));
        return request;
    }

    /** The one DocumentEntry of a request made by {@link #request}. */
    public static DocumentEntry documentEntry(ProvideAndRegisterDocumentSet request) {
        return request.getDocuments().get(0).getDocumentEntry();
    }
}
