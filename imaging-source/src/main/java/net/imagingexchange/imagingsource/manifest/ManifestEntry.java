// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.manifest;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.Author;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntryType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.LocalizedString;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Organization;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.PatientInfo;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.ReferenceId;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Timestamp;

import net.imagingexchange.dicom.DicomTime;
import net.imagingexchange.imagingsource.index.StudyRecord;
import net.imagingexchange.xds.domain.ConfiguredCodes;
import net.imagingexchange.xds.submission.Hl7Names;

/**
 * The DocumentEntry of a manifest (RAD TF-2 4.68.4.1.2.3.2 on top of ITI TF-3 4.2.3.2; spec/xdsi.md 1.3 and 1.4).
 * Values the study does not have are left out rather than invented: they are optional (R2) where that can happen.
 */
final class ManifestEntry {

    private final MetadataSettings settings;

    ManifestEntry(MetadataSettings settings) {
        this.settings = settings;
    }

    DocumentEntry build(ManifestSubmission submission, String entryUuid) {
        StudyRecord study = submission.study().study();
        var entry = new DocumentEntry();
        entry.setEntryUuid(entryUuid);
        entry.setType(DocumentEntryType.STABLE);
        entry.setUniqueId(submission.manifest().sopInstanceUid()); // RAD TF-2 4.68.4.1.2.3.2: the KOS SOP Instance UID
        entry.setMimeType(ManifestMetadata.MIME_TYPE);
        entry.setFormatCode(new Code(KosManifest.SOP_CLASS_UID, new LocalizedString(ManifestMetadata.FORMAT_DISPLAY),
                ManifestMetadata.FORMAT_SCHEME));
        entry.setPatientId(Cx.affinityDomainPatientId(submission.patientId()));
        Identifiable sourcePatientId = sourcePatientId(study.patient());
        entry.setSourcePatientId(sourcePatientId);
        entry.setSourcePatientInfo(sourcePatientInfo(study.patient(), sourcePatientId));
        // RAD TF-2 4.68.4.1.2.3.2: creationTime is the KOS's Instance Creation Date and Time, in UTC
        entry.setCreationTime(new Timestamp(submission.manifest().created(), Timestamp.Precision.SECOND));
        serviceStartTime(study, settings.studyZone()).ifPresent(entry::setServiceStartTime);
        entry.setClassCode(ConfiguredCodes.parse(settings.classCode()));
        entry.setTypeCode(ConfiguredCodes.parse(settings.typeCode()));
        entry.setPracticeSettingCode(ConfiguredCodes.parse(settings.practiceSettingCode()));
        entry.setHealthcareFacilityTypeCode(ConfiguredCodes.parse(settings.healthcareFacilityTypeCode()));
        entry.getConfidentialityCodes().add(ConfiguredCodes.parse(settings.confidentialityCode()));
        entry.setLanguageCode(settings.languageCode());
        entry.getEventCodeList().addAll(EventCodes.of(submission.study().series()));
        referenceIds(study).forEach(entry.getReferenceIdList()::add);
        entry.setTitle(study.studyDescription().isBlank()
                ? new LocalizedString(ManifestMetadata.DEFAULT_TITLE)
                : new LocalizedString(study.studyDescription().strip(), settings.languageCode(), "UTF-8"));
        entry.getAuthors().add(author(settings));
        return entry;
    }

    /** The author of manifests and their submission sets: the institution, no person (a device makes them). */
    static Author author(MetadataSettings settings) {
        var author = new Author();
        author.getAuthorInstitution().add(settings.institutionOid().isEmpty()
                ? new Organization(settings.institutionName())
                : new Organization(settings.institutionName(), settings.institutionOid(), null));
        return author;
    }

    // ITI TF-3 4.2.3.2.26: the local ID as CX; IPF's ITI-41 validation requires the assigning authority as &OID&ISO
    private Identifiable sourcePatientId(StudyRecord.Patient patient) {
        String issuer = patient.issuerOid(settings.localIssuerOid());
        if (issuer.isEmpty()) {
            throw new IllegalArgumentException("the study's Patient ID has "
                    + (patient.issuer().isEmpty() ? "no issuer" : "the issuer '" + patient.issuer() + "', not an OID")
                    + ", and no local issuer OID is configured (imaging-source.patient-identity.local-issuer):"
                    + " sourcePatientId needs one");
        }
        return Cx.patientId(patient.patientId(), issuer);
    }

    // ITI TF-3 4.2.3.2.24, RAD TF-2 4.68.4.1.2.3.2: PID-3, PID-5, PID-7, PID-8 from the DICOM Patient module
    private static PatientInfo sourcePatientInfo(StudyRecord.Patient patient, Identifiable sourcePatientId) {
        var info = new PatientInfo();
        info.getIds().add(sourcePatientId);
        Hl7Names.xpn(patient.name()).ifPresent(info.getNames()::add);
        DicomTime.parseDate(patient.birthDate()).ifPresent(date -> info.setDateOfBirth(DicomTime.date(date)));
        info.setGender(Hl7Names.administrativeSex(patient.sex()));
        return info;
    }

    // RAD TF-2 4.68.4.1.2.3.2: Study Date and Time, local, to UTC with the study's offset, else the site's zone. A date
    // alone cannot be converted and is kept as the day it names.
    static Optional<Timestamp> serviceStartTime(StudyRecord study, ZoneId siteZone) {
        var date = DicomTime.parseDate(study.studyDate());
        if (date.isEmpty()) {
            return Optional.empty();
        }
        var time = DicomTime.parseTime(study.studyTime());
        if (time.isEmpty()) {
            return Optional.of(new Timestamp(date.get().atStartOfDay(ZoneOffset.UTC), Timestamp.Precision.DAY));
        }
        ZoneId zone = DicomTime.parseOffset(study.timezoneOffset()).<ZoneId>map(offset -> offset).orElse(siteZone);
        var precision = switch (time.get().precision()) {
            case HOURS -> Timestamp.Precision.HOUR;
            case MINUTES -> Timestamp.Precision.MINUTE;
            default -> Timestamp.Precision.SECOND;
        };
        return Optional.of(new Timestamp(ZonedDateTime.of(date.get(), time.get().time(), zone), precision));
    }

    // ITI TF-3 4.2.3.2.28: the accession number with its issuer, and the Study Instance UID (spec/xdsi.md 1.4)
    private List<ReferenceId> referenceIds(StudyRecord study) {
        var ids = new ArrayList<ReferenceId>();
        if (!study.accessionNumber().isBlank()) {
            String issuer = !study.accessionIssuer().isBlank() ? study.accessionIssuer()
                    : settings.accessionNumberIssuer();
            ids.add(Cx.referenceId(study.accessionNumber().strip(), issuer, ReferenceId.ID_TYPE_CODE_ACCESSION));
        }
        ids.add(Cx.referenceId(study.studyInstanceUid(), null, ReferenceId.ID_TYPE_STUDY_INSTANCE_ID));
        return ids;
    }
}
