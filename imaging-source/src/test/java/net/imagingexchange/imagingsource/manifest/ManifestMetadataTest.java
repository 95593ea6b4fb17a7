// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openehealth.ipf.commons.ihe.xds.XDS;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.EbXMLExtrinsicObject;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.EbXMLProvideAndRegisterDocumentSetRequest;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationLabel;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntryType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Vocabulary;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.ProvideAndRegisterDocumentSetTransformer;
import org.openehealth.ipf.commons.ihe.xds.core.validate.XDSMetaDataException;
import org.openehealth.ipf.commons.ihe.xds.core.validate.requests.ProvideAndRegisterDocumentSetRequestValidator;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import net.imagingexchange.imagingsource.ImagingSourceProperties;
import net.imagingexchange.imagingsource.index.StudyRecord;
import net.imagingexchange.imagingsource.index.StudySnapshot;
import net.imagingexchange.imagingsource.manifest.Studies.Series;
import net.imagingexchange.xds.domain.AffinityDomain;
import net.imagingexchange.xds.domain.CodedAttribute;
import net.imagingexchange.xds.domain.ConfiguredCodes;
import net.imagingexchange.xds.submission.Hl7Names;
import net.imagingexchange.xds.submission.OneDocumentSubmission;

/** The RAD-68 request of a manifest: IPF's ITI-41 validation, every value of spec/xdsi.md 1.3 to 1.6, the codes. */
class ManifestMetadataTest {

    static final String REGIONAL_ID = "IDR4711^^^&" + Studies.AFFINITY_DOMAIN + "&ISO";
    static final ZonedDateTime CREATED = ZonedDateTime.parse("2026-11-27T04:00:00+01:00[Europe/Paris]");
    static final String PREVIOUS = "urn:uuid:5a2e04c1-1a57-4ce9-b0a6-0e3e9e3a7e11";

    /** The defaults of {@link ImagingSourceProperties}, bound as Spring binds them, with a local issuer. */
    static final ImagingSourceProperties DEFAULTS = new Binder(new MapConfigurationPropertySource(Map.of(
            "imaging-source.patient-identity.local-issuer", Studies.LOCAL_ISSUER)))
            .bindOrCreate("imaging-source", ImagingSourceProperties.class);
    static final MetadataSettings SETTINGS = MetadataSettings.of(DEFAULTS, ZoneId.of("Europe/Paris"));

    @TempDir
    Path dir;

    Path kosFile;
    ManifestMetadata metadata;

    @BeforeEach
    void writeKos() throws Exception {
        kosFile = dir.resolve("2.25.311.dcm");
        KosManifest.write(new KosManifest(KosManifestTest.SETTINGS).build(Studies.ctAndMr(), identity()), kosFile);
        var counter = new AtomicLong();
        metadata = new ManifestMetadata(SETTINGS, () -> new UUID(0x1234, counter.incrementAndGet()));
    }

    @Test
    void theRequestPassesIpfIti41Validation() {
        validate(metadata.request(submission(Studies.ctAndMr(), Optional.empty())));
        validate(metadata.request(submission(Studies.ctAndMr(), Optional.of(PREVIOUS))));
    }

    @Test
    void theDocumentEntryDescribesTheKosAsRad68Asks() {
        DocumentEntry entry = OneDocumentSubmission.documentEntry(request(Studies.ctAndMr()));

        assertThat(entry.getEntryUuid()).isEqualTo("urn:uuid:00000000-0000-1234-0000-000000000001");
        assertThat(entry.getType()).isEqualTo(DocumentEntryType.STABLE);
        assertThat(entry.getUniqueId()).isEqualTo("2.25.311");
        assertThat(entry.getMimeType()).isEqualTo("application/dicom");
        assertThat(code(entry.getFormatCode())).isEqualTo(
                "1.2.840.10008.5.1.4.1.1.88.59^1.2.840.10008.2.6.1^Key Object Selection Document");
        assertThat(entry.getPatientId().toString()).contains("IDR4711");
        assertThat(entry.getPatientId().getAssigningAuthority().getUniversalId()).isEqualTo(Studies.AFFINITY_DOMAIN);
        assertThat(code(entry.getClassCode())).isEqualTo("IMAGES^1.2.250.1.213.1.1.4.1^Images");
        assertThat(code(entry.getTypeCode())).isEqualTo("18748-4^2.16.840.1.113883.6.1^Diagnostic imaging study");
        assertThat(code(entry.getPracticeSettingCode())).isEqualTo("394914008^2.16.840.1.113883.6.96^Radiology");
        assertThat(code(entry.getHealthcareFacilityTypeCode())).isEqualTo("22232009^2.16.840.1.113883.6.96^Hospital");
        assertThat(entry.getConfidentialityCodes()).extracting(ManifestMetadataTest::code)
                .containsExactly("N^2.16.840.1.113883.5.25^normal");
        assertThat(entry.getLanguageCode()).isEqualTo("fr-FR");
        assertThat(entry.getTitle().getValue()).isEqualTo("CT THORAX");
        assertThat(entry.getTitle().getLang()).isEqualTo("fr-FR");
        assertThat(entry.getAuthors()).hasSize(1);
        assertThat(entry.getAuthors().get(0).getAuthorInstitution()).extracting(o -> o.getOrganizationName())
                .containsExactly("Centre hospitalier de Péronne");
        assertThat(entry.getAuthors().get(0).getAuthorPerson()).isNull();
        assertThat(entry.getHash()).isNull(); // ITI TF-2 3.41: the repository computes hash and size
        assertThat(entry.getSize()).isNull();
    }

    @Test
    void theWireValuesAreThoseOfSpecXdsi() {
        var ebXml = toEbXml(request(Studies.ctAndMr()));
        EbXMLExtrinsicObject entry = ebXml.getExtrinsicObjects(DocumentEntryType.STABLE.getUuid()).get(0);

        assertThat(entry.getExternalIdentifierValue(Vocabulary.DOC_ENTRY_PATIENT_ID_EXTERNAL_ID))
                .isEqualTo(REGIONAL_ID);
        assertThat(entry.getExternalIdentifierValue(Vocabulary.DOC_ENTRY_UNIQUE_ID_EXTERNAL_ID)).isEqualTo("2.25.311");
        // the local ID, its issuer named "PERONNE" in the images: the site's issuer OID stands for it
        assertThat(entry.getSingleSlotValue(Vocabulary.SLOT_NAME_SOURCE_PATIENT_ID))
                .isEqualTo("PER-4711^^^&" + Studies.LOCAL_ISSUER + "&ISO");
        // PN Lefèvre^Zoé^Marie^Mme^ is XPN family^given^middle^suffix^prefix
        assertThat(entry.getSlotValues(Vocabulary.SLOT_NAME_SOURCE_PATIENT_INFO)).containsExactly(
                "PID-3|PER-4711^^^&" + Studies.LOCAL_ISSUER + "&ISO",
                "PID-5|Lefèvre^Zoé^Marie^^Mme",
                "PID-7|19610412",
                "PID-8|F");
        // Instance Creation Date and Time of the KOS (04:00 in Paris), in UTC
        assertThat(entry.getSingleSlotValue(Vocabulary.SLOT_NAME_CREATION_TIME)).isEqualTo("20261127030000");
        // Study Date and Time 20261127 023015.250 at the study's +0100, in UTC, to the second
        assertThat(entry.getSingleSlotValue(Vocabulary.SLOT_NAME_SERVICE_START_TIME)).isEqualTo("20261127013015");
        assertThat(entry.getSlotValues(Vocabulary.SLOT_NAME_REFERENCE_ID_LIST)).containsExactly(
                "ACC-2026-0042^^^&1.3.6.1.4.1.21367.2005.13.20.1000.4.7&ISO^urn:ihe:iti:xds:2013:accession",
                Studies.STUDY_UID + "^^^^urn:ihe:iti:xds:2016:studyInstanceUID");
        assertThat(entry.getSingleSlotValue(Vocabulary.SLOT_NAME_LANGUAGE_CODE)).isEqualTo("fr-FR");
        assertThat(entry.getMimeType()).isEqualTo("application/dicom");
    }

    @Test
    void theSubmissionSetAndItsHasMemberAssociationFollowIti41() {
        ProvideAndRegisterDocumentSet request = request(Studies.ctAndMr());
        var set = request.getSubmissionSet();
        var entry = OneDocumentSubmission.documentEntry(request);

        assertThat(set.getEntryUuid()).startsWith("urn:uuid:").isNotEqualTo(entry.getEntryUuid());
        assertThat(set.getUniqueId()).isEqualTo("1.3.6.1.4.1.21367.2005.13.20.1000.4.1.77");
        assertThat(set.getSourceId()).isEqualTo("1.3.6.1.4.1.21367.2005.13.20.1000.4.1");
        assertThat(set.getPatientId()).isEqualTo(entry.getPatientId());
        assertThat(set.getSubmissionTime().toHL7()).isEqualTo("20261127030102");
        assertThat(code(set.getContentTypeCode())).isEqualTo("18748-4^2.16.840.1.113883.6.1^Diagnostic imaging study");
        assertThat(set.getAuthors().get(0).getAuthorInstitution()).extracting(o -> o.getOrganizationName())
                .containsExactly("Centre hospitalier de Péronne");
        assertThat(request.getAssociations()).extracting(a -> a.getAssociationType(), a -> a.getSourceUuid(),
                a -> a.getTargetUuid(), a -> a.getLabel())
                .containsExactly(tuple(AssociationType.HAS_MEMBER, set.getEntryUuid(), entry.getEntryUuid(),
                        AssociationLabel.ORIGINAL));
        assertThat(request.getFolders()).isEmpty();
    }

    @Test
    void aReplacementManifestCarriesAnRplcAssociationToThePreviousEntryAndOnlyThen() {
        var first = metadata.request(submission(Studies.ctAndMr(), Optional.empty()));
        var replacement = metadata.request(submission(Studies.ctAndMr(), Optional.of(PREVIOUS)));

        assertThat(first.getAssociations()).extracting(a -> a.getAssociationType())
                .containsExactly(AssociationType.HAS_MEMBER);
        var entry = OneDocumentSubmission.documentEntry(replacement);
        assertThat(replacement.getAssociations()).filteredOn(a -> a.getAssociationType() == AssociationType.REPLACE)
                .singleElement().satisfies(rplc -> {
                    assertThat(rplc.getSourceUuid()).isEqualTo(entry.getEntryUuid());
                    assertThat(rplc.getTargetUuid()).isEqualTo(PREVIOUS);
                    assertThat(rplc.getEntryUuid()).startsWith("urn:uuid:");
                });
        assertThat(toEbXml(replacement).getAssociations())
                .extracting(a -> AssociationType.getOpcode30(a.getAssociationType()))
                .containsExactly("urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember",
                        "urn:ihe:iti:2007:AssociationType:RPLC");
    }

    @Test
    void aStudyWithCtAndMrSeriesOfTwoBodyPartsHasFourEventCodes() {
        var snapshot = Studies.snapshot(Studies.study(Studies.patient(), "+0100"),
                new Series("CT", "CHEST", Studies.CT_IMAGE, 2), new Series("MR", "ABDOMEN", Studies.MR_IMAGE, 2),
                new Series("CT", "ABDOMEN", Studies.CT_IMAGE, 1), new Series("MR", "chest ", Studies.MR_IMAGE, 1));

        var codes = OneDocumentSubmission.documentEntry(request(snapshot)).getEventCodeList();

        assertThat(codes).extracting(ManifestMetadataTest::code).containsExactly(
                "CT^1.2.840.10008.2.16.4^Computed Tomography",
                "MR^1.2.840.10008.2.16.4^Magnetic Resonance",
                "43799004^2.16.840.1.113883.6.96^Chest",
                "818981001^2.16.840.1.113883.6.96^Abdomen");
    }

    @Test
    void eventCodesLeaveOutWhatIsNotAnAcquisitionModalityOrAKnownBodyPart() {
        var snapshot = Studies.snapshot(Studies.study(Studies.patient(), ""),
                new Series("KO", "", KosManifest.SOP_CLASS_UID, 1), new Series("SR", "", Studies.BASIC_TEXT_SR, 1),
                new Series("PR", "", "1.2.840.10008.5.1.4.1.1.11.1", 1), new Series("OT", "NOT A PART", "1.2.3", 1),
                new Series("US", "LEFT LITTLE TOE", "1.2.840.10008.5.1.4.1.1.6.1", 1));

        var codes = OneDocumentSubmission.documentEntry(request(snapshot)).getEventCodeList();

        assertThat(codes).extracting(ManifestMetadataTest::code).containsExactly("US^1.2.840.10008.2.16.4^Ultrasound");
    }

    @Test
    void theDefaultCodesAndEventCodesAreInTheDemoAffinityDomain() throws Exception {
        AffinityDomain domain;
        try (InputStream yaml = AffinityDomain.class.getResourceAsStream("/affinity-domain/demo-region.yaml")) {
            domain = AffinityDomain.read(yaml);
        }
        var request = request(Studies.ctAndMr());
        var entry = OneDocumentSubmission.documentEntry(request);

        assertAllowed(domain, CodedAttribute.classCode, entry.getClassCode());
        assertAllowed(domain, CodedAttribute.typeCode, entry.getTypeCode());
        assertAllowed(domain, CodedAttribute.formatCode, entry.getFormatCode());
        assertAllowed(domain, CodedAttribute.practiceSettingCode, entry.getPracticeSettingCode());
        assertAllowed(domain, CodedAttribute.healthcareFacilityTypeCode, entry.getHealthcareFacilityTypeCode());
        entry.getConfidentialityCodes().forEach(c -> assertAllowed(domain, CodedAttribute.confidentialityCode, c));
        entry.getEventCodeList().forEach(c -> assertAllowed(domain, CodedAttribute.eventCodeList, c));
        assertAllowed(domain, CodedAttribute.contentTypeCode, request.getSubmissionSet().getContentTypeCode());
        assertThat(domain.ownsPatientId(REGIONAL_ID)).isTrue();
    }

    @Test
    void theDocumentStreamsFromTheKosFileWhenItIsSent() throws Exception {
        var document = request(Studies.ctAndMr()).getDocuments().get(0);
        var handler = document.getDataHandler();
        byte[] expected = Files.readAllBytes(kosFile);

        assertThat(handler.getContentType()).isEqualTo("application/dicom");
        try (InputStream in = handler.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(expected);
        }
        Files.write(kosFile, new byte[] {1, 2, 3}); // read when sent, not when the request was made
        try (InputStream in = handler.getInputStream()) {
            assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
        }
    }

    @Test
    void sourcePatientIdKeepsAnOidIssuerAndRefusesAPatientWithoutAnyIssuerOid() {
        var oidPatient = new StudyRecord.Patient("PER-1", "1.2.250.1.71.4.2.1", "Martin^Louis", "", "", List.of());
        var entry = OneDocumentSubmission.documentEntry(request(Studies.snapshot(Studies.study(oidPatient, ""),
                new Series("CT", "HEAD", Studies.CT_IMAGE, 1))));
        var noIssuer = new StudyRecord.Patient("PER-2", "", "Martin^Louis", "", "", List.of());
        var withoutLocalIssuer = new MetadataSettings(SETTINGS.sourceId(), SETTINGS.institutionName(), "", "", "",
                SETTINGS.classCode(), SETTINGS.typeCode(), SETTINGS.practiceSettingCode(),
                SETTINGS.healthcareFacilityTypeCode(), SETTINGS.confidentialityCode(), SETTINGS.contentTypeCode(),
                "fr-FR", ZoneId.of("Europe/Paris"));

        assertThat(entry.getSourcePatientId().getId()).isEqualTo("PER-1");
        assertThat(entry.getSourcePatientId().getAssigningAuthority().getUniversalId()).isEqualTo("1.2.250.1.71.4.2.1");
        assertThat(entry.getSourcePatientInfo().getGender()).isEqualTo("U");
        assertThat(entry.getSourcePatientInfo().getDateOfBirth()).isNull();
        assertThatThrownBy(() -> new ManifestMetadata(withoutLocalIssuer, UUID::randomUUID).request(submission(
                Studies.snapshot(Studies.study(noIssuer, ""), new Series("CT", "", Studies.CT_IMAGE, 1)),
                Optional.empty()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("local-issuer").hasMessageNotContaining("PER-2");
    }

    @Test
    void ipfRefusesASourcePatientIdWhoseIssuerIsOnlyANamespace() {
        // why a study whose images name their issuer "PERONNE" gets the site's issuer OID in sourcePatientId
        var request = request(Studies.ctAndMr());
        OneDocumentSubmission.documentEntry(request).setSourcePatientId(
                org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable.parse("PER-4711^^^PERONNE"));

        assertThatThrownBy(() -> ProvideAndRegisterDocumentSetRequestValidator.getInstance()
                .validate(toEbXml(request), XDS.Interactions.ITI_41)).isInstanceOf(XDSMetaDataException.class);
    }

    @Test
    void serviceStartTimeUsesTheSiteZoneWithoutOffsetAndKeepsADateAlone() {
        var paris = ZoneId.of("Europe/Paris");
        var record = Studies.study(Studies.patient(), "");
        var summer = new StudyRecord(record.studyInstanceUid(), record.patient(), "20260715", "0830",
                "", "", "", "", "", "", "", 1, 0);
        var dateOnly = new StudyRecord(record.studyInstanceUid(), record.patient(), "20260715", "",
                "", "", "", "", "", "", "", 1, 0);
        var garbage = new StudyRecord(record.studyInstanceUid(), record.patient(), "2026-13", "25",
                "", "", "", "", "", "", "", 1, 0);
        var negative = new StudyRecord(record.studyInstanceUid(), record.patient(), "20261231", "22", "", "", "", "",
                "", "", "-0500", 1, 0);

        assertThat(ManifestEntry.serviceStartTime(summer, paris).orElseThrow().toHL7()).isEqualTo("202607150630");
        assertThat(ManifestEntry.serviceStartTime(dateOnly, paris).orElseThrow().toHL7()).isEqualTo("20260715");
        assertThat(ManifestEntry.serviceStartTime(garbage, paris)).isEmpty();
        assertThat(ManifestEntry.serviceStartTime(negative, paris).orElseThrow().toHL7()).isEqualTo("2027010103");
    }

    @Test
    void withoutStudyDescriptionOrAccessionIssuerTheTitleIsGenericAndTheSiteIssuerIsUsed() {
        var record = Studies.study(Studies.patient(), "");
        var plain = new StudyRecord(record.studyInstanceUid(), record.patient(), "20261127", "", "ACC-9", "", "",
                "", "", "", "", 1, 0);
        var siteIssuer = new MetadataSettings(SETTINGS.sourceId(), SETTINGS.institutionName(), "1.2.250.1.71.9",
                Studies.LOCAL_ISSUER, "1.2.250.1.71.4.3", SETTINGS.classCode(), SETTINGS.typeCode(),
                SETTINGS.practiceSettingCode(), SETTINGS.healthcareFacilityTypeCode(), SETTINGS.confidentialityCode(),
                SETTINGS.contentTypeCode(), "fr-FR", ZoneId.of("Europe/Paris"));

        var request = new ManifestMetadata(siteIssuer, UUID::randomUUID).request(submission(
                Studies.snapshot(plain, new Series("DX", "CHEST", "1.2.840.10008.5.1.4.1.1.1.1", 1)),
                Optional.empty()));
        validate(request);
        var entry = OneDocumentSubmission.documentEntry(request);
        EbXMLExtrinsicObject ebXml = toEbXml(request).getExtrinsicObjects().get(0);

        assertThat(entry.getTitle().getValue()).isEqualTo("Imaging study");
        assertThat(ebXml.getSlotValues(Vocabulary.SLOT_NAME_REFERENCE_ID_LIST)).containsExactly(
                "ACC-9^^^&1.2.250.1.71.4.3&ISO^urn:ihe:iti:xds:2013:accession",
                Studies.STUDY_UID + "^^^^urn:ihe:iti:xds:2016:studyInstanceUID");
        assertThat(ebXml.getClassifications(Vocabulary.DOC_ENTRY_AUTHOR_CLASS_SCHEME).get(0)
                .getSlotValues(Vocabulary.SLOT_NAME_AUTHOR_INSTITUTION))
                .containsExactly("Centre hospitalier de Péronne^^^^^^^^^1.2.250.1.71.9");
    }

    @Test
    void refusesAPatientIdThatIsNotOfAnAffinityDomain() {
        var local = new ManifestSubmission(Studies.ctAndMr(), identity(), kosFile, "IDR4711^^^PERONNE", "2.25.9",
                ZonedDateTime.now(), Optional.empty());

        assertThatThrownBy(() -> metadata.request(local)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("&OID&ISO").hasMessageNotContaining("IDR4711");
    }

    @Test
    void convertsDicomNamesAndSexToHl7() {
        assertThat(Hl7Names.xpn("Yamada^Tarou=山田^太郎=やまだ^たろう").orElseThrow().getGivenName()).isEqualTo("Tarou");
        assertThat(Hl7Names.xpn("Doe^John^^Dr^Jr").orElseThrow()).satisfies(xpn -> {
            assertThat(xpn.getPrefix()).isEqualTo("Dr");
            assertThat(xpn.getSuffix()).isEqualTo("Jr");
        });
        assertThat(Hl7Names.xpn("")).isEmpty();
        assertThat(Hl7Names.xpn("^^^^")).isEmpty();
        assertThat(List.of("M", "F", "O", "", "X")).extracting(Hl7Names::administrativeSex)
                .containsExactly("M", "F", "O", "U", "U");
    }

    @Test
    void settingsRefuseMalformedCodesAndOids() {
        assertThatThrownBy(() -> ConfiguredCodes.parse("IMAGES^1.2.3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("code^codingScheme^displayName");
        assertThatThrownBy(() -> new MetadataSettings("not-an-oid", "CH", "", "", "", SETTINGS.classCode(),
                SETTINGS.typeCode(), SETTINGS.practiceSettingCode(), SETTINGS.healthcareFacilityTypeCode(),
                SETTINGS.confidentialityCode(), SETTINGS.contentTypeCode(), "fr-FR", ZoneId.of("UTC")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sourceId");
    }

    private ProvideAndRegisterDocumentSet request(StudySnapshot snapshot) {
        return metadata.request(submission(snapshot, Optional.empty()));
    }

    private ManifestSubmission submission(StudySnapshot snapshot, Optional<String> replaced) {
        return new ManifestSubmission(snapshot, identity(), kosFile, REGIONAL_ID,
                "1.3.6.1.4.1.21367.2005.13.20.1000.4.1.77", ZonedDateTime.parse("2026-11-27T03:01:02Z"), replaced);
    }

    private static ManifestIdentity identity() {
        return new ManifestIdentity("2.25.311", "2.25.312", CREATED);
    }

    private static EbXMLProvideAndRegisterDocumentSetRequest toEbXml(ProvideAndRegisterDocumentSet request) {
        return new ProvideAndRegisterDocumentSetTransformer(new EbXMLFactory30()).toEbXML(request);
    }

    private static void validate(ProvideAndRegisterDocumentSet request) {
        try {
            ProvideAndRegisterDocumentSetRequestValidator.getInstance().validate(toEbXml(request),
                    XDS.Interactions.ITI_41);
        } catch (XDSMetaDataException e) {
            throw new AssertionError("IPF ITI-41 validation: " + e.getValidationMessage() + ": " + e.getMessage(), e);
        }
    }

    private static void assertAllowed(AffinityDomain domain, CodedAttribute attribute, Code code) {
        assertThat(domain.codeSet(attribute)).as(attribute.name()).isPresent();
        assertThat(domain.codeSet(attribute).get().allows(code.getCode(), code.getSchemeName()))
                .as(attribute + " " + code(code)).isTrue();
    }

    private static String code(Code code) {
        return code.getCode() + "^" + code.getSchemeName() + "^" + code.getDisplayName().getValue();
    }
}
