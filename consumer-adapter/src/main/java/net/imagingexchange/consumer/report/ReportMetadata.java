// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.report;

import java.util.UUID;
import java.util.function.Supplier;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssigningAuthority;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Author;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntryType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.LocalizedString;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Organization;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.PatientInfo;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Person;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.SubmissionSet;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Timestamp;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.XcnName;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;

import net.imagingexchange.dicom.DicomTime;
import net.imagingexchange.xds.domain.ConfiguredCodes;
import net.imagingexchange.xds.submission.FileDocument;
import net.imagingexchange.xds.submission.Hl7Names;
import net.imagingexchange.xds.submission.OneDocumentSubmission;

/**
 * The ITI-41 request of one report (spec/xdsi.md 6.5, ITI TF-3 4.2.3.2): its DocumentEntry, linked to the study by
 * the KOS entry's referenceIdList and eventCodeList, the SubmissionSet, HasMember and, for a correction, RPLC to the
 * entry it replaces (ITI TF-3 4.2.2.2.3). The document streams from its file when the request is sent.
 */
public final class ReportMetadata {

    public static final String MIME_TYPE = "text/xml";
    /** spec/xdsi.md 6.1: the PS3.20 Imaging Report format code (decision 0012). */
    public static final Code FORMAT = new Code("urn:ihe:rad:CDA:ImagingReportStructuredHeadings:2013",
            new LocalizedString("Imaging report with structured headings"), "1.3.6.1.4.1.19376.1.2.3");
    public static final Code TYPE = new Code(CdaWriter.TYPE_CODE, new LocalizedString(CdaWriter.TYPE_DISPLAY),
            CdaWriter.LOINC);

    private final ReportProperties site;
    private final Supplier<UUID> uuids;

    public ReportMetadata(ReportProperties site, Supplier<UUID> uuids) {
        this.site = site;
        this.uuids = uuids;
    }

    public ProvideAndRegisterDocumentSet request(ReportSubmission submission) {
        DocumentEntry entry = entry(submission);
        var set = new SubmissionSet();
        set.setEntryUuid(newEntryUuid());
        set.setUniqueId(submission.submissionSetUid());
        set.setSourceId(site.sourceId());
        set.setPatientId(entry.getPatientId());
        set.setSubmissionTime(entry.getCreationTime());
        set.setContentTypeCode(ConfiguredCodes.parse(site.contentTypeCode()));
        set.getAuthors().add(author(submission.report().author()));
        return OneDocumentSubmission.request(set, entry, new FileDocument(submission.cda(), MIME_TYPE),
                submission.replacedEntryUuid(), this::newEntryUuid);
    }

    private DocumentEntry entry(ReportSubmission submission) {
        ClinicalReport report = submission.report();
        DocumentEntry kos = submission.manifestEntry();
        var entry = new DocumentEntry();
        entry.setEntryUuid(newEntryUuid());
        entry.setType(DocumentEntryType.STABLE);
        entry.setUniqueId(report.document().id()); // spec/xdsi.md 6.5: uniqueId = ClinicalDocument/id
        entry.setMimeType(MIME_TYPE);
        entry.setFormatCode(FORMAT);
        entry.setTypeCode(TYPE);
        entry.setClassCode(ConfiguredCodes.parse(site.classCode()));
        entry.setPracticeSettingCode(ConfiguredCodes.parse(site.practiceSettingCode()));
        entry.setHealthcareFacilityTypeCode(ConfiguredCodes.parse(site.healthcareFacilityTypeCode()));
        entry.getConfidentialityCodes().add(ConfiguredCodes.parse(site.confidentialityCode()));
        entry.setLanguageCode(site.languageCode());
        entry.setTitle(new LocalizedString(report.document().title(), site.languageCode(), "UTF-8"));
        Identifiable patient = Identifiable.parse(submission.patientCx());
        entry.setPatientId(patient);
        entry.setSourcePatientId(patient); // the reading site knows the patient by the regional ID only
        entry.setSourcePatientInfo(patientInfo(patient, report.patient()));
        entry.setCreationTime(new Timestamp(report.document().effectiveTime(), Timestamp.Precision.SECOND));
        entry.setServiceStartTime(kos.getServiceStartTime());
        entry.getReferenceIdList().addAll(kos.getReferenceIdList());
        entry.getEventCodeList().addAll(kos.getEventCodeList());
        entry.getAuthors().add(author(report.author()));
        if (report.status() == ReportRequest.Status.FINAL) {
            entry.setLegalAuthenticator(person(report.author()));
        }
        return entry;
    }

    // ITI TF-3 4.2.3.2.24: PID-3, PID-5, PID-7, PID-8 as the study's manifest gives them
    private static PatientInfo patientInfo(Identifiable id, ClinicalReport.Patient patient) {
        var info = new PatientInfo();
        info.getIds().add(id);
        Hl7Names.xpn(patient.name()).ifPresent(info.getNames()::add);
        DicomTime.parseDate(patient.birthDate()).map(DicomTime::date).ifPresent(info::setDateOfBirth);
        info.setGender(Hl7Names.administrativeSex(patient.sex()));
        return info;
    }

    private Author author(ClinicalReport.Author author) {
        var xds = new Author();
        xds.setAuthorPerson(person(author));
        xds.getAuthorInstitution().add(new Organization(author.organization().name(), author.organization().oid(),
                null));
        return xds;
    }

    /** XCN: the id at this site when known, the name as family^given (free text as the family name). */
    private static Person person(ClinicalReport.Author author) {
        String[] name = author.name().strip().split("\\^", -1);
        var xcn = new XcnName(name[0], name.length > 1 ? name[1] : null, null, null, null, null);
        Identifiable id = author.id().map(value -> new Identifiable(value,
                new AssigningAuthority(author.organization().oid(), "ISO"))).orElse(null);
        return new Person(id, xcn);
    }

    private String newEntryUuid() {
        return "urn:uuid:" + uuids.get();
    }
}
