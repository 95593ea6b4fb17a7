// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.provide;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.openehealth.ipf.commons.ihe.xds.core.XdsRuntimeException;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.ProvideAndRegisterDocumentSetRequestType;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Severity;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rs.RegistryResponseType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.imagingexchange.repository.index.DocumentIndex;
import net.imagingexchange.repository.index.IndexedDocument;
import net.imagingexchange.repository.storage.ContentKey;
import net.imagingexchange.repository.storage.ContentLocks;
import net.imagingexchange.repository.storage.DocumentStore;
import net.imagingexchange.repository.storage.DocumentStore.StagedContent;
import net.imagingexchange.repository.storage.DocumentTooLargeException;

/**
 * ITI-41 Provide and Register Document Set-b, repository side (ITI TF-2 3.41.4.1.3), also RAD-68: validate, stream
 * every document to storage computing its hash and size, complete the metadata, register it with ITI-42, and make
 * the documents retrievable only once the registry accepted them. Whatever stops the submission (a refused
 * document, the registry's refusal, an unreachable registry) removes every document it stored.
 */
public final class DocumentSetProvider {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentSetProvider.class);

    /**
     * @param repositoryUniqueId set on every DocumentEntry stored here.
     * @param maxDocumentSize    the largest accepted document in bytes; {@code -1} means unlimited.
     */
    public record Settings(String repositoryUniqueId, long maxDocumentSize) {
    }

    private final DocumentStore store;
    private final ContentLocks locks;
    private final DocumentIndex index;
    private final RegistryClient registry;
    private final Settings settings;

    public DocumentSetProvider(DocumentStore store, ContentLocks locks, DocumentIndex index, RegistryClient registry,
                               Settings settings) {
        this.store = store;
        this.locks = locks;
        this.index = index;
        this.registry = registry;
        this.settings = settings;
    }

    /**
     * Stores and registers a submission.
     *
     * @return the registry's answer unchanged, or this repository's own Failure.
     * @throws XdsRuntimeException for a request this repository refuses; nothing of it is kept.
     */
    public RegistryResponseType provide(ProvideAndRegisterDocumentSetRequestType request) throws Exception {
        List<ProvidedDocument> documents = ProvidedDocuments.pair(request);
        String submission = UUID.randomUUID().toString();
        try {
            store(submission, documents);
        } catch (Exception e) {
            rollBack(submission);
            throw e;
        }
        RegistryResponseType answer;
        try {
            answer = registry.register(request.getSubmitObjectsRequest());
        } catch (RegistryUnavailableException e) {
            rollBack(submission);
            throw new XdsRuntimeException(ErrorCode.REGISTRY_NOT_AVAILABLE, e.getMessage(), Severity.ERROR, null);
        } catch (RuntimeException e) {
            rollBack(submission);
            throw e;
        }
        if (Status.valueOfOpcode(answer.getStatus()) == Status.FAILURE) {
            rollBack(submission);
        } else {
            index.makeAvailable(submission);
        }
        return answer;
    }

    // Stage every document first, so a refused one (too large, wrong hash) stops the submission before any
    // content is published; then publish each under its content lock together with its pending index row.
    private void store(String submission, List<ProvidedDocument> documents) throws Exception {
        var staged = new ArrayList<StagedContent>();
        try {
            for (ProvidedDocument document : documents) {
                StagedContent content = stage(document);
                staged.add(content);
                DocumentMetadata.complete(document, content.content(), settings.repositoryUniqueId());
            }
            for (int i = 0; i < documents.size(); i++) {
                ProvidedDocument document = documents.get(i);
                StagedContent content = staged.get(i);
                var indexed = new IndexedDocument(document.uniqueId(), content.content().key(),
                        document.entry().getMimeType(), content.content().size(), content.content().sha1());
                locks.withLock(indexed.content(), () -> {
                    content.publish();
                    index.addPending(submission, indexed);
                    return null;
                });
            }
        } finally {
            for (StagedContent content : staged) {
                content.close();
            }
        }
    }

    private StagedContent stage(ProvidedDocument document) throws IOException {
        try (InputStream in = open(document)) {
            return store.stage(in, settings.maxDocumentSize());
        } catch (DocumentTooLargeException e) {
            throw new XdsRuntimeException(ErrorCode.REPOSITORY_ERROR, "document " + document.entryId()
                    + " is larger than this repository's limit of " + settings.maxDocumentSize() + " bytes",
                    Severity.ERROR, document.entryId());
        } catch (IOException e) {
            LOG.info("document {} could not be read: {}", document.entryId(), e.toString());
            throw new XdsRuntimeException(ErrorCode.REPOSITORY_ERROR, "document " + document.entryId()
                    + " could not be read completely (truncated or malformed MTOM attachment)",
                    Severity.ERROR, document.entryId());
        }
    }

    // an xop:Include naming a MIME part the request does not carry fails only when the part is read (CXF)
    private static InputStream open(ProvidedDocument document) throws IOException {
        try {
            return document.content().getInputStream();
        } catch (IllegalStateException e) {
            throw new XdsRuntimeException(ErrorCode.MISSING_DOCUMENT, "document " + document.entryId()
                    + " refers to a MIME part the request does not contain", Severity.ERROR, document.entryId());
        }
    }

    /** Forgets the submission's pending documents and removes the content nothing else references. */
    private void rollBack(String submission) {
        try {
            for (ContentKey key : index.removePending(submission)) {
                locks.withLock(key, () -> index.references(key) || store.delete(key));
            }
        } catch (Exception e) {
            // the rows stay pending (never retrievable); their content is orphaned, not exposed
            LOG.error("could not remove the documents of refused submission {}", submission, e);
        }
    }
}
