// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.region;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.RetrieveDocumentSetRequestType;
import org.openehealth.ipf.commons.ihe.xds.iti43.Iti43PortType;

import net.imagingexchange.xds.soap.IpfClient;
import net.imagingexchange.xds.soap.PeerUnavailableException;

/**
 * ITI-43 Retrieve Document Set (ITI TF-2b 3.43) of one document at a time, written to a file as it arrives (the MTOM
 * part is streamed by CXF, never held whole).
 */
public final class DocumentRetrieval {

    private final Function<String, IpfClient<Iti43PortType>> clientFor;

    /** @param clientFor the ITI-43 client of a repositoryUniqueId. */
    public DocumentRetrieval(Function<String, IpfClient<Iti43PortType>> clientFor) {
        this.clientFor = clientFor;
    }

    /**
     * Retrieves {@code documentUniqueId} from {@code repositoryUniqueId} into {@code target} (replaced atomically).
     *
     * @throws DocumentNotRetrievedException the repository answered without the document.
     */
    public Path retrieve(String repositoryUniqueId, String documentUniqueId, Path target)
            throws PeerUnavailableException, DocumentNotRetrievedException, IOException {
        var request = new RetrieveDocumentSetRequestType();
        var document = new RetrieveDocumentSetRequestType.DocumentRequest();
        document.setRepositoryUniqueId(repositoryUniqueId);
        document.setDocumentUniqueId(documentUniqueId);
        request.getDocumentRequest().add(document);
        var client = clientFor.apply(repositoryUniqueId);
        var response = client.call(port -> port.documentRepositoryRetrieveDocumentSet(request));
        var documents = response.getDocumentResponse();
        if (documents.size() != 1 || !documentUniqueId.equals(documents.get(0).getDocumentUniqueId())) {
            var errors = response.getRegistryResponse().getRegistryErrorList();
            throw new DocumentNotRetrievedException(documentUniqueId + " not returned by " + client.url() + ": "
                    + response.getRegistryResponse().getStatus() + (errors == null ? "" : " "
                    + errors.getRegistryError().stream().map(e -> e.getErrorCode() + " " + e.getCodeContext())
                    .collect(Collectors.joining("; "))));
        }
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), "iti43-", ".tmp");
        try {
            try (InputStream in = documents.get(0).getDocument().getInputStream()) {
                Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    /** The repository answered, but not with the document asked for. */
    public static final class DocumentNotRetrievedException extends Exception {
        public DocumentNotRetrievedException(String message) {
            super(message);
        }
    }
}
