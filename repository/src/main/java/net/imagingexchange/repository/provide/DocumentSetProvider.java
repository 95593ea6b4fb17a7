// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.provide;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import org.openehealth.ipf.commons.ihe.xds.core.XdsRuntimeException;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.ProvideAndRegisterDocumentSetRequestType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Vocabulary;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Severity;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rs.RegistryResponseType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.imagingexchange.repository.index.DocumentIndex;
import net.imagingexchange.repository.index.IndexedDocument;
import net.imagingexchange.repository.storage.ContentLocks;
import net.imagingexchange.repository.storage.DocumentStore;
import net.imagingexchange.repository.storage.DocumentStore.StagedContent;
import net.imagingexchange.repository.storage.DocumentTooLargeException;
import net.imagingexchange.xds.soap.XdsResponses;

/**
 * ITI-41 Provide and Register Document Set-b, repository side (ITI TF-2 3.41.4.1.3), also RAD-68: validate, stream
 * every document to storage computing its hash and size, complete the metadata, register it with ITI-42, and make
 * the documents retrievable only once the registry accepted them. Whatever stops the submission (a refused
 * document, the registry's refusal, an unreachable registry) removes every document it stored; a registration
 * whose answer was lost is settled by asking the registry ({@link PendingSubmissions}).
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
    private final PendingSubmissions pending;
    private final Settings settings;

    public DocumentSetProvider(DocumentStore store, ContentLocks locks, DocumentIndex index, RegistryClient registry,
                               PendingSubmissions pending, Settings settings) {
        this.store = store;
        this.locks = locks;
        this.index = index;
        this.registry = registry;
        this.pending = pending;
        this.settings = settings;
    }

    /** Whether the request arrived whole; checked once every document was read, before any is published. */
    @FunctionalInterface
    public interface RequestCheck {
        void check() throws IOException;
    }

    /**
     * Stores and registers a submission.
     *
     * @param complete fails when the request turns out to be cut short (an MTOM body without its end).
     * @return the registry's answer unchanged, or this repository's own Failure.
     * @throws XdsRuntimeException for a request this repository refuses; nothing of it is kept.
     */
    public RegistryResponseType provide(ProvideAndRegisterDocumentSetRequestType request, RequestCheck complete)
            throws Exception {
        List<ProvidedDocument> documents = ProvidedDocuments.pair(request);
        String submission = UUID.randomUUID().toString();
        try {
            store(submission, documents, complete);
        } catch (Exception e) {
            pending.remove(submission);
            throw e;
        }
        RegistryResponseType answer;
        try {
            answer = registry.register(request.getSubmitObjectsRequest());
        } catch (RegistryUnavailableException e) {
            return settleLostAnswer(submission, documents, e);
        } catch (RuntimeException e) {
            pending.remove(submission);
            throw e;
        }
        if (Status.valueOfOpcode(answer.getStatus()) == Status.FAILURE) {
            pending.remove(submission);
        } else {
            pending.publish(submission);
        }
        return answer;
    }

    // The registry did not answer. If it cannot have seen the request, the submission is removed; otherwise it may
    // have registered it, and is asked (ITI-18) whether it did: the documents are then published (and the source
    // told Success) or removed. A registry that cannot say leaves them pending, never retrievable, until it can.
    private RegistryResponseType settleLostAnswer(String submission, List<ProvidedDocument> documents,
                                                  RegistryUnavailableException failure) {
        var outcome = PendingSubmissions.Outcome.REMOVED;
        if (failure.mayHaveArrived()) {
            var hashes = new LinkedHashMap<String, String>();
            for (ProvidedDocument document : documents) {
                hashes.put(document.uniqueId(), document.entry().getSingleSlotValue(Vocabulary.SLOT_NAME_HASH));
            }
            outcome = pending.settle(submission, hashes);
        } else {
            pending.remove(submission);
        }
        if (outcome == PendingSubmissions.Outcome.PUBLISHED) {
            LOG.warn("submission {}: the registry's answer was lost ({}), but it holds the documents",
                    submission, failure.getMessage());
            return XdsResponses.success();
        }
        String message = failure.getMessage() + (outcome == PendingSubmissions.Outcome.REMOVED
                ? "; nothing was stored"
                : "; the documents stay stored but not retrievable until the registry says whether it registered them");
        throw new XdsRuntimeException(ErrorCode.REGISTRY_NOT_AVAILABLE, message, Severity.ERROR, null);
    }

    // Stage every document first, so a refused one (too large, wrong hash) stops the submission before any
    // content is published; then publish each under its content lock together with its pending index row.
    private void store(String submission, List<ProvidedDocument> documents, RequestCheck complete) throws Exception {
        var staged = new ArrayList<StagedContent>();
        try {
            for (ProvidedDocument document : documents) {
                StagedContent content = stage(document);
                staged.add(content);
                DocumentMetadata.complete(document, content.content(), settings.repositoryUniqueId());
            }
            try {
                complete.check();
            } catch (IOException e) {
                throw new XdsRuntimeException(ErrorCode.REPOSITORY_ERROR, e.getMessage(), Severity.ERROR, null);
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
}
