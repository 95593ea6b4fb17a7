// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.ReferenceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.imagingexchange.consumer.RegionalPatients;
import net.imagingexchange.consumer.region.RegionStudy;
import net.imagingexchange.consumer.region.RegistryQueries;
import net.imagingexchange.consumer.region.StudyCatalogue;
import net.imagingexchange.dicom.Uids;
import net.imagingexchange.xds.soap.PeerUnavailableException;
import net.imagingexchange.xds.soap.ProvideAndRegisterClient;
import net.imagingexchange.xds.submission.OneDocumentSubmission;

/**
 * The reading site as an XDS Document Source of reports (spec/xdsi.md 6, 7.4): checks a posted report against the
 * region (the study must have an Approved manifest for that patient), writes its CDA once, and sends it by ITI-41
 * linked to the study. A correction names the report it replaces and gets its setId and the next versionNumber (RPLC
 * in the CDA and in XDS); without {@code replaces}, a study that already has an Approved report from this site is
 * refused, so that no report is replaced by mistake and none is registered twice (decision 0012).
 */
public final class ReportSource {

    private static final Logger LOG = LoggerFactory.getLogger(ReportSource.class);
    private static final String DCM_SCHEME = "1.2.840.10008.2.16.4";

    private final RegionalPatients patients;
    private final StudyCatalogue studies;
    private final ReportCatalogue reports;
    private final ReportWriting writing;
    private final ProvideAndRegisterClient repository;
    private final Clock clock;

    /**
     * How reports are written: the CDA writer, the XDS metadata, the ids, this site, and where CDA files are written
     * before they are sent (each is deleted once sent).
     */
    public record ReportWriting(CdaWriter cda, ReportMetadata metadata, DocumentIds ids, ReportProperties site,
                                Path workDirectory) {
    }

    /** A registered report. */
    public record Submitted(String uniqueId, String entryUuid, String setId, int version,
                            Optional<String> replacedUniqueId, String studyInstanceUid) {
    }

    private record Replaced(DocumentEntry entry, ClinicalReport.Parent parent) {
    }

    public ReportSource(RegionalPatients patients, StudyCatalogue studies, ReportCatalogue reports,
                        ReportWriting writing, ProvideAndRegisterClient repository, Clock clock) throws IOException {
        this.patients = patients;
        this.studies = studies;
        this.reports = reports;
        this.writing = writing;
        this.repository = repository;
        this.clock = clock;
        Files.createDirectories(writing.workDirectory());
    }

    public Submitted submit(ReportRequest request) throws ReportException {
        List<String> missing = request.missingFields();
        if (!missing.isEmpty()) {
            throw new ReportException(ReportFailure.MISSING_FIELDS, "missing fields: " + String.join(", ", missing),
                    missing);
        }
        ReportRequest.Status status = ReportRequest.Status.of(request.status()).orElseThrow(() -> new ReportException(
                ReportFailure.INVALID_FIELD, "status must be final or preliminary"));
        String studyUid = request.studyInstanceUid().strip();
        if (!Uids.isUid(studyUid)) {
            throw new ReportException(ReportFailure.INVALID_FIELD, "studyInstanceUid is not a UID");
        }
        if (request.replacedUniqueId().filter(uid -> !Uids.isOid(uid)).isPresent()) {
            throw new ReportException(ReportFailure.INVALID_FIELD, "replaces is not a report uniqueId (an OID)");
        }
        String patientCx = patient(request.patientId());
        RegionStudy study = study(patientCx, studyUid);
        DocumentEntry manifest = manifestEntry(study);
        ClinicalReport.Accession accession = accession(manifest, request.accessionNumber().strip());
        Optional<Replaced> replaced = replaced(patientCx, studyUid, request.replacedUniqueId());
        ClinicalReport report = report(request, status, study, manifest, accession, replaced);
        return send(report, manifest, patientCx, replaced);
    }

    /** The regional CX of a posted patientId; also used by the report API's queries. */
    String patient(String patientId) throws ReportException {
        return patients.cx(patientId, null).orElseThrow(() -> new ReportException(ReportFailure.INVALID_FIELD,
                "patientId is not an ID of the affinity domain " + patients.assigningAuthority()));
    }

    private RegionStudy study(String patientCx, String studyUid) throws ReportException {
        try {
            return studies.find(patientCx, List.of(RegistryQueries.studyReference(studyUid))).stream()
                    .filter(s -> s.studyInstanceUid().equals(studyUid)).findFirst()
                    .orElseThrow(() -> new ReportException(ReportFailure.UNKNOWN_STUDY, "the region has no study "
                            + studyUid + " with an Approved manifest for that patient"));
        } catch (StudyCatalogue.RegionException e) {
            boolean noAnswer = e.getCause() instanceof PeerUnavailableException;
            throw new ReportException(noAnswer ? ReportFailure.REGION_UNAVAILABLE : ReportFailure.REFUSED_BY_REGION,
                    e.getMessage(), e);
        }
    }

    // the newest Approved manifest the registry has just listed for the study: its metadata is what the report links to
    private static DocumentEntry manifestEntry(RegionStudy study) {
        return study.entries().get(0);
    }

    private static ClinicalReport.Accession accession(DocumentEntry manifest, String number) throws ReportException {
        List<ReferenceId> accessions = manifest.getReferenceIdList().stream()
                .filter(r -> ReferenceId.ID_TYPE_CODE_ACCESSION.equals(r.getIdTypeCode())).toList();
        if (accessions.isEmpty()) {
            return new ClinicalReport.Accession(number, Optional.empty());
        }
        ReferenceId match = accessions.stream().filter(r -> number.equals(r.getId())).findFirst()
                .orElseThrow(() -> new ReportException(ReportFailure.UNKNOWN_STUDY,
                        "accessionNumber is not one of the study's accession numbers"));
        var authority = match.getAssigningAuthority();
        return new ClinicalReport.Accession(number, Optional.ofNullable(authority == null ? null
                : authority.getUniversalId()).filter(Uids::isOid));
    }

    private Optional<Replaced> replaced(String patientCx, String studyUid, Optional<String> replaces)
            throws ReportException {
        List<DocumentEntry> ours = reports.reports(patientCx, studyUid).stream()
                .filter(reports::fromThisSite).toList();
        if (replaces.isEmpty()) {
            if (!ours.isEmpty()) {
                throw new ReportException(ReportFailure.ALREADY_REPORTED, "study " + studyUid
                        + " already has report " + ours.get(0).getUniqueId() + " from this site; a correction names it"
                        + " in replaces");
            }
            return Optional.empty();
        }
        DocumentEntry entry = ReportCatalogue.withUniqueId(ours, replaces.get()).orElseThrow(() -> new ReportException(
                ReportFailure.NOT_CURRENT, "report " + replaces.get() + " is not a current report of study "
                + studyUid + " from this site" + (ours.isEmpty() ? "" : "; the current one is "
                + ours.get(0).getUniqueId())));
        return Optional.of(new Replaced(entry, ReportCatalogue.version(reports.document(entry))));
    }

    private ClinicalReport report(ReportRequest request, ReportRequest.Status status, RegionStudy study,
                                  DocumentEntry manifest, ClinicalReport.Accession accession,
                                  Optional<Replaced> replaced) {
        ReportProperties site = writing.site();
        String id = writing.ids().next();
        var parent = replaced.map(Replaced::parent);
        var document = new ClinicalReport.Document(id, parent.map(ClinicalReport.Parent::setId).orElse(id),
                parent.map(p -> p.version() + 1).orElse(1), ZonedDateTime.now(clock.withZone(site.zone())),
                request.title() == null || request.title().isBlank() ? ClinicalReport.DEFAULT_TITLE
                        : request.title().strip(), parent);
        var dicomPatient = study.manifest().patient();
        String[] regional = study.patientCx().split("\\^", -1);
        var patient = new ClinicalReport.Patient(patients.assigningAuthority(), regional[0], dicomPatient.name(),
                dicomPatient.birthDate(), dicomPatient.sex());
        var author = new ClinicalReport.Author(request.author().name().strip(),
                Optional.ofNullable(request.author().id()).map(String::strip).filter(s -> !s.isEmpty()),
                new ClinicalReport.Organization(site.institutionOid(), request.institution().strip()));
        List<Code> modalities = manifest.getEventCodeList().stream()
                .filter(c -> DCM_SCHEME.equals(c.getSchemeName())).toList();
        Optional<CodedValue> modality = modalities.size() != 1 ? Optional.empty()
                : Optional.of(new CodedValue(modalities.get(0).getCode(), DCM_SCHEME,
                        modalities.get(0).getDisplayName() == null ? modalities.get(0).getCode()
                                : modalities.get(0).getDisplayName().getValue()));
        return new ClinicalReport(document, patient, author,
                new ClinicalReport.Organization(site.institutionOid(), site.institutionName()), study.manifest(),
                modality, accession, request.findings(), request.impression(), status);
    }

    private Submitted send(ClinicalReport report, DocumentEntry manifest, String patientCx,
                           Optional<Replaced> replaced) throws ReportException {
        long started = System.nanoTime();
        Path cda = writing.workDirectory().resolve(report.document().id() + ".xml");
        try {
            try (OutputStream out = Files.newOutputStream(cda)) {
                writing.cda().write(report, out);
            }
            var submission = new ReportSubmission(report, manifest, patientCx, cda, writing.ids().next(),
                    replaced.map(r -> r.entry().getEntryUuid()));
            var request = writing.metadata().request(submission);
            ProvideAndRegisterClient.Answer answer = repository.send(request);
            if (!answer.success()) {
                LOG.warn("ITI-41 report refused by {}: {}", repository.url(), answer.describe());
                throw new ReportException(ReportFailure.REFUSED_BY_REGION, "the repository answered "
                        + answer.describe());
            }
            LOG.info("ITI-41 report ok version={} replaces={} ms={}", report.document().version(),
                    replaced.isPresent(), (System.nanoTime() - started) / 1_000_000);
            return new Submitted(report.document().id(), OneDocumentSubmission.documentEntry(request).getEntryUuid(),
                    report.document().setId(), report.document().version(),
                    replaced.map(r -> r.entry().getUniqueId()), report.study().study().studyInstanceUid());
        } catch (PeerUnavailableException e) {
            throw new ReportException(ReportFailure.REGION_UNAVAILABLE, "ITI-41 to " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ReportException(ReportFailure.NOT_WRITTEN, "the report could not be written: "
                    + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(cda);
            } catch (IOException e) {
                LOG.warn("could not delete {}: {}", cda, e.toString());
            }
        }
    }
}
