// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.openehealth.ipf.commons.audit.DefaultAuditContext;
import org.openehealth.ipf.commons.ihe.xds.RAD;
import org.openehealth.ipf.commons.ihe.xds.XDS;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.RetrieveDocumentSetRequestType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Hl7v2Based;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsByReferenceIdQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.QueryList;
import org.openehealth.ipf.commons.ihe.xds.core.stub.xdsi.RetrieveImagingDocumentSetRequestType;
import org.openehealth.ipf.commons.ihe.xds.iti43.Iti43PortType;
import org.openehealth.ipf.commons.ihe.xds.rad69.Rad69PortType;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.io.DicomReader;
import net.imagingexchange.dicom.web.MultipartReader;

import net.imagingexchange.xds.soap.IpfClient;
import net.imagingexchange.xds.soap.PeerUnavailableException;
import net.imagingexchange.xds.soap.StoredQueryClient;

/**
 * A reading site's view of the region through IPF's clients: ITI-18 FindDocumentsByReferenceId against the
 * registry, ITI-43 against the repository, as an XDS-I.b Imaging Document Consumer built on IPF would call them.
 */
public final class RegionClients {

    private final StoredQueryClient iti18;
    private final IpfClient<Iti43PortType> iti43;

    public RegionClients(String baseUrl) {
        var noAudit = new DefaultAuditContext();
        noAudit.setAuditEnabled(false);
        iti18 = StoredQueryClient.of(() -> baseUrl + "/registry/iti18", Duration.ofSeconds(5), Duration.ofSeconds(60),
                noAudit);
        iti43 = new IpfClient<>(XDS.Interactions.ITI_43.getWsTransactionConfiguration(),
                () -> baseUrl + "/repository/iti43", Duration.ofSeconds(5), Duration.ofSeconds(60), noAudit);
    }

    /**
     * FindDocumentsByReferenceId (ITI TF-2 3.18.4.1.2.3.7.14), LeafClass.
     *
     * @param referenceIds CXi values, any of which matches.
     */
    public List<DocumentEntry> findByReferenceId(String patientCx, List<AvailabilityStatus> statuses,
                                                 String... referenceIds) throws PeerUnavailableException {
        var query = new FindDocumentsByReferenceIdQuery();
        query.setPatientId(Hl7v2Based.parse(patientCx, Identifiable.class));
        query.setStatus(statuses);
        var anyOf = new QueryList<String>();
        anyOf.getOuterList().add(List.of(referenceIds));
        query.setReferenceIds(anyOf);
        try {
            return iti18.documentEntries(query);
        } catch (StoredQueryClient.StoredQueryException e) {
            throw new IllegalStateException("ITI-18 failed: " + e.getMessage());
        }
    }

    /**
     * RAD-69 as an Imaging Document Consumer does it (spec/xdsi.md 3.5): every instance the manifest lists, asked of
     * the series' Retrieve Location UID at {@code rad69Url}; each returned document written to
     * {@code <directory>/<SOP Instance UID>.dcm}.
     *
     * @return the registry errors of the answer (empty when all were returned).
     */
    public static List<String> retrieveImages(String rad69Url, Path kos, Path directory) throws Exception {
        var request = new RetrieveImagingDocumentSetRequestType();
        request.getTransferSyntaxUIDList().getTransferSyntaxUID().addAll(List.of("1.2.840.10008.1.2.1",
                "1.2.840.10008.1.2"));
        Attributes manifest = DicomReader.read(kos, DicomReader.Options.DEFAULT).dataset();
        for (Attributes studyItem : manifest.getSequence(Tag.CURRENT_REQUESTED_PROCEDURE_EVIDENCE_SEQUENCE).items()) {
            var study = new RetrieveImagingDocumentSetRequestType.StudyRequest();
            study.setStudyInstanceUID(studyItem.getString(Tag.STUDY_INSTANCE_UID));
            for (Attributes seriesItem : studyItem.getSequence(Tag.REFERENCED_SERIES_SEQUENCE).items()) {
                var series = new RetrieveImagingDocumentSetRequestType.SeriesRequest();
                series.setSeriesInstanceUID(seriesItem.getString(Tag.SERIES_INSTANCE_UID));
                for (Attributes sop : seriesItem.getSequence(Tag.REFERENCED_SOP_SEQUENCE).items()) {
                    var document = new RetrieveDocumentSetRequestType.DocumentRequest();
                    document.setRepositoryUniqueId(seriesItem.getString(Tag.RETRIEVE_LOCATION_UID));
                    document.setDocumentUniqueId(sop.getString(Tag.REFERENCED_SOP_INSTANCE_UID));
                    series.getDocumentRequests().add(document);
                }
                study.getSeriesRequest().add(series);
            }
            request.getStudyRequest().add(study);
        }
        var noAudit = new DefaultAuditContext();
        noAudit.setAuditEnabled(false);
        var rad69 = new IpfClient<Rad69PortType>(RAD.Interactions.RAD_69.getWsTransactionConfiguration(),
                () -> rad69Url, Duration.ofSeconds(5), Duration.ofMinutes(5), noAudit);
        var answer = rad69.call(port -> port.documentRepositoryRetrieveImagingDocumentSet(request));
        Files.createDirectories(directory);
        for (var document : answer.getDocumentResponse()) {
            try (InputStream in = document.getDocument().getInputStream()) {
                Files.copy(in, directory.resolve(document.getDocumentUniqueId() + ".dcm"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        var errors = answer.getRegistryResponse().getRegistryErrorList();
        return errors == null ? List.of() : errors.getRegistryError().stream()
                .map(e -> e.getErrorCode() + " " + e.getLocation()).toList();
    }

    /**
     * WADO-RS retrieve of {@code url} (a study, series or instance resource) as multipart/related application/dicom;
     * each part written to {@code <directory>/<SOP Instance UID>.dcm}, streamed.
     *
     * @return the directory.
     */
    public static Path wadoRs(String url, Path directory) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "multipart/related; type=\"application/dicom\"").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("WADO-RS " + url + " answered " + response.statusCode());
        }
        Files.createDirectories(directory);
        String contentType = response.headers().firstValue("Content-Type").orElseThrow();
        try (var reader = MultipartReader.of(response.body(), contentType)) {
            for (var part = reader.next(); part != null; part = reader.next()) {
                Path temporary = Files.createTempFile(directory, "part", ".tmp");
                try (InputStream in = part.body()) {
                    Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
                }
                String uid = DicomReader.read(temporary, DicomReader.Options.DEFAULT.headerOnly()).dataset()
                        .getString(Tag.SOP_INSTANCE_UID);
                Files.move(temporary, directory.resolve(uid + ".dcm"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return directory;
    }

    /** ITI-43 for one document, written to {@code target}. */
    public Path retrieve(String repositoryUniqueId, String documentUniqueId, Path target)
            throws PeerUnavailableException, IOException {
        var request = new RetrieveDocumentSetRequestType();
        var document = new RetrieveDocumentSetRequestType.DocumentRequest();
        document.setRepositoryUniqueId(repositoryUniqueId);
        document.setDocumentUniqueId(documentUniqueId);
        request.getDocumentRequest().add(document);
        var response = iti43.call(port -> port.documentRepositoryRetrieveDocumentSet(request));
        if (response.getDocumentResponse().size() != 1) {
            throw new IllegalStateException("ITI-43 returned " + response.getDocumentResponse().size()
                    + " documents: " + response.getRegistryResponse().getStatus());
        }
        try (InputStream in = response.getDocumentResponse().get(0).getDocument().getInputStream()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
