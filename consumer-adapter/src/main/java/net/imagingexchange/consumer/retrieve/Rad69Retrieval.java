// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.retrieve;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.openehealth.ipf.commons.audit.AuditContext;
import org.openehealth.ipf.commons.ihe.xds.RAD;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.RetrieveDocumentSetRequestType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.xdsi.RetrieveImagingDocumentSetRequestType;
import org.openehealth.ipf.commons.ihe.xds.rad69.Rad69PortType;

import net.imagingexchange.consumer.manifest.StudyManifest;
import net.imagingexchange.dicom.io.TransferSyntax;
import net.imagingexchange.xds.soap.IpfClient;
import net.imagingexchange.xds.soap.PeerUnavailableException;

/**
 * RAD-69 Retrieve Imaging Document Set as an Imaging Document Consumer sends it (RAD TF-3 4.69, spec/xdsi.md 3.5):
 * the instances of one series asked of the RAD-69 endpoint of its Retrieve Location UID, with the transfer syntaxes
 * the caller takes. IPF's client streams the MTOM parts (CXF spools large ones to disk) and audits the import.
 */
public final class Rad69Retrieval {

    /** Explicit VR Little Endian, which every RAD-69 responder can provide (spec/xdsi.md 3.5 step 3). */
    private static final String EXPLICIT_VR_LITTLE_ENDIAN = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid();

    private final Duration connectTimeout;
    private final Duration receiveTimeout;
    private final AuditContext audit;
    private final Map<String, IpfClient<Rad69PortType>> clients = new ConcurrentHashMap<>();

    /** Receives each returned document's Part 10 bytes, as CXF hands them over; the stream is closed after. */
    public interface Documents {
        void document(InputStream part10) throws IOException;
    }

    public Rad69Retrieval(Duration connectTimeout, Duration receiveTimeout, AuditContext audit) {
        this.connectTimeout = connectTimeout;
        this.receiveTimeout = receiveTimeout;
        this.audit = audit;
    }

    /**
     * Asks {@code rad69Url} for {@code instances} of one series, each returned document handed to {@code documents}.
     *
     * @param transferSyntaxes acceptable syntaxes, in preference order; Explicit VR Little Endian is always added.
     * @return the instances that were not returned, with the responder's reason.
     */
    public List<MissingInstance> retrieve(String rad69Url, String studyInstanceUid,
                                          StudyManifest.SeriesReference series,
                                          List<StudyManifest.InstanceReference> instances,
                                          List<String> transferSyntaxes, Documents documents)
            throws PeerUnavailableException, IOException {
        var request = new RetrieveImagingDocumentSetRequestType();
        List<String> syntaxes = new ArrayList<>(transferSyntaxes);
        if (!syntaxes.contains(EXPLICIT_VR_LITTLE_ENDIAN)) {
            syntaxes.add(EXPLICIT_VR_LITTLE_ENDIAN);
        }
        request.getTransferSyntaxUIDList().getTransferSyntaxUID().addAll(syntaxes);
        var studyRequest = new RetrieveImagingDocumentSetRequestType.StudyRequest();
        studyRequest.setStudyInstanceUID(studyInstanceUid);
        var seriesRequest = new RetrieveImagingDocumentSetRequestType.SeriesRequest();
        seriesRequest.setSeriesInstanceUID(series.seriesInstanceUid());
        for (var instance : instances) {
            var document = new RetrieveDocumentSetRequestType.DocumentRequest();
            document.setRepositoryUniqueId(series.retrieveLocationUid());
            document.setDocumentUniqueId(instance.sopInstanceUid());
            seriesRequest.getDocumentRequests().add(document);
        }
        studyRequest.getSeriesRequest().add(seriesRequest);
        request.getStudyRequest().add(studyRequest);

        var client = clients.computeIfAbsent(rad69Url, url -> new IpfClient<>(
                RAD.Interactions.RAD_69.getWsTransactionConfiguration(), () -> url, connectTimeout, receiveTimeout,
                audit));
        var answer = client.call(port -> port.documentRepositoryRetrieveImagingDocumentSet(request));
        Set<String> returned = new HashSet<>();
        for (var document : answer.getDocumentResponse()) {
            try (InputStream in = document.getDocument().getInputStream()) {
                returned.add(document.getDocumentUniqueId());
                documents.document(in);
            }
        }
        var errors = answer.getRegistryResponse().getRegistryErrorList();
        List<MissingInstance> missing = new ArrayList<>();
        for (var instance : instances) {
            if (!returned.contains(instance.sopInstanceUid())) {
                String reason = errors == null ? "not returned" : errors.getRegistryError().stream()
                        .filter(e -> instance.sopInstanceUid().equals(e.getLocation()))
                        .map(e -> "RAD-69 " + e.getErrorCode() + (e.getCodeContext() == null ? ""
                                : ": " + e.getCodeContext()))
                        .findFirst().orElse("not returned by RAD-69 (" + answer.getRegistryResponse().getStatus()
                                .replaceAll(".*:", "") + ")");
                missing.add(new MissingInstance(series.seriesInstanceUid(), instance.sopInstanceUid(), reason));
            }
        }
        return missing;
    }
}
