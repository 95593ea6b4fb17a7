// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;

import net.imagingexchange.consumer.region.DocumentRetrieval;
import net.imagingexchange.consumer.region.RegistryQueries;
import net.imagingexchange.dicom.Uids;
import net.imagingexchange.xds.soap.PeerUnavailableException;
import net.imagingexchange.xds.soap.StoredQueryClient;

/**
 * The reports of a study in the region: its Approved report entries (ITI-18 FindDocumentsByReferenceId with the Study
 * Instance UID and the report format code, spec/xdsi.md 1.4), and their CDA documents (ITI-43), kept on disk by
 * uniqueId: a uniqueId always names the same bytes, so a kept document is never stale.
 */
public final class ReportCatalogue {

    private final RegistryQueries registry;
    private final DocumentRetrieval repositories;
    private final Path documents;
    private final String siteOid;

    /** @param siteOid this reading site's institution OID: its reports are those whose author institution it is. */
    public ReportCatalogue(RegistryQueries registry, DocumentRetrieval repositories, Path documents, String siteOid)
            throws IOException {
        this.registry = registry;
        this.repositories = repositories;
        this.documents = Files.createDirectories(documents);
        this.siteOid = siteOid;
    }

    /** The study's Approved reports, from every site. */
    public List<DocumentEntry> reports(String patientCx, String studyInstanceUid) throws ReportException {
        return query(patientCx, List.of(ReportMetadata.FORMAT), studyInstanceUid);
    }

    /** Whether this site wrote the entry (its author institution carries this site's OID, XON.10). */
    public boolean fromThisSite(DocumentEntry entry) {
        return entry.getAuthors().stream().flatMap(a -> a.getAuthorInstitution().stream())
                .anyMatch(o -> siteOid.equals(o.getIdNumber()));
    }

    /** The report's CDA, retrieved once by ITI-43. */
    public Path document(DocumentEntry entry) throws ReportException {
        String uid = entry.getUniqueId();
        if (!Uids.isOid(uid)) {
            throw new ReportException(ReportFailure.REFUSED_BY_REGION, "report entry " + entry.getEntryUuid()
                    + " has a uniqueId that is not an OID");
        }
        Path file = documents.resolve(uid + ".xml");
        if (Files.exists(file)) {
            return file;
        }
        try {
            return repositories.retrieve(entry.getRepositoryUniqueId(), uid, file);
        } catch (PeerUnavailableException e) {
            throw new ReportException(ReportFailure.REGION_UNAVAILABLE, "the repository did not answer: "
                    + e.getMessage(), e);
        } catch (DocumentRetrieval.DocumentNotRetrievedException e) {
            throw new ReportException(ReportFailure.REFUSED_BY_REGION, e.getMessage(), e);
        } catch (IOException e) {
            throw new ReportException(ReportFailure.NOT_WRITTEN, "the report could not be kept: "
                    + e.getMessage(), e);
        }
    }

    /** The id, setId and versionNumber a CDA document gives itself (its header; the body is not read). */
    public static ClinicalReport.Parent version(Path cda) throws ReportException {
        var factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false); // DESIGN.md 7: no DTDs, no external entities
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        String id = null;
        String setId = null;
        String version = null;
        try (InputStream in = Files.newInputStream(cda)) {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            int depth = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                } else if (event == XMLStreamConstants.START_ELEMENT && ++depth == 2) {
                    String name = reader.getLocalName();
                    if (name.equals("component")) {
                        break; // the body: the header is over
                    }
                    switch (name) {
                        case "id" -> id = reader.getAttributeValue(null, "root");
                        case "setId" -> setId = reader.getAttributeValue(null, "root");
                        case "versionNumber" -> version = reader.getAttributeValue(null, "value");
                        default -> { }
                    }
                }
            }
            reader.close();
        } catch (IOException | XMLStreamException e) {
            throw new ReportException(ReportFailure.REFUSED_BY_REGION, "the replaced report is not readable XML: "
                    + e.getMessage(), e);
        }
        if (id == null) {
            throw new ReportException(ReportFailure.REFUSED_BY_REGION, "the replaced report has no id");
        }
        int number = version != null && version.matches("\\d{1,9}") ? Integer.parseInt(version) : 1;
        return new ClinicalReport.Parent(id, setId != null ? setId : id, number);
    }

    private List<DocumentEntry> query(String patientCx, List<Code> formats, String studyInstanceUid)
            throws ReportException {
        try {
            return registry.findByReferenceIds(patientCx, formats,
                    List.of(RegistryQueries.studyReference(studyInstanceUid)));
        } catch (PeerUnavailableException e) {
            throw new ReportException(ReportFailure.REGION_UNAVAILABLE, "the registry did not answer: "
                    + e.getMessage(), e);
        } catch (StoredQueryClient.StoredQueryException e) {
            throw new ReportException(ReportFailure.REFUSED_BY_REGION, "the registry refused the query: "
                    + e.getMessage(), e);
        }
    }

    /** The entry with that uniqueId among {@code entries}. */
    public static Optional<DocumentEntry> withUniqueId(List<DocumentEntry> entries, String uniqueId) {
        return entries.stream().filter(e -> uniqueId.equals(e.getUniqueId())).findFirst();
    }
}
