// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.dicomweb;

import java.util.List;
import java.util.Map;

import net.imagingexchange.consumer.manifest.StudyManifest;
import net.imagingexchange.consumer.region.RegionStudy;
import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.data.Attributes;

/**
 * The QIDO-RS result attributes (PS3.18 10.6.3.3) the region can tell from a study's manifests and their
 * DocumentEntries. The patient is named by the regional ID, the one the reading site searches with; a series'
 * Modality comes from its SOP classes, or from the study's one modality (eventCodeList), else it is left empty.
 */
final class SearchAttributes {

    /** SOP classes that belong to one modality (PS3.4 B.5). */
    private static final Map<String, String> MODALITY_OF_SOP_CLASS = Map.ofEntries(
            Map.entry("1.2.840.10008.5.1.4.1.1.2", "CT"), Map.entry("1.2.840.10008.5.1.4.1.1.2.1", "CT"),
            Map.entry("1.2.840.10008.5.1.4.1.1.4", "MR"), Map.entry("1.2.840.10008.5.1.4.1.1.4.1", "MR"),
            Map.entry("1.2.840.10008.5.1.4.1.1.1", "CR"), Map.entry("1.2.840.10008.5.1.4.1.1.1.1", "DX"),
            Map.entry("1.2.840.10008.5.1.4.1.1.1.2", "MG"), Map.entry("1.2.840.10008.5.1.4.1.1.6.1", "US"),
            Map.entry("1.2.840.10008.5.1.4.1.1.3.1", "US"), Map.entry("1.2.840.10008.5.1.4.1.1.20", "NM"),
            Map.entry("1.2.840.10008.5.1.4.1.1.128", "PT"), Map.entry("1.2.840.10008.5.1.4.1.1.12.1", "XA"),
            Map.entry("1.2.840.10008.5.1.4.1.1.12.2", "RF"), Map.entry("1.2.840.10008.5.1.4.1.1.481.1", "RTIMAGE"));

    private static final String UTF_8 = "ISO_IR 192";

    private SearchAttributes() {
    }

    static Attributes study(RegionStudy region, RegionalId patient, FacadeUrls urls) {
        StudyManifest manifest = region.manifest();
        var study = manifest.study();
        var attributes = new Attributes();
        attributes.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, UTF_8);
        attributes.setString(Tag.STUDY_DATE, VR.DA, study.date());
        attributes.setString(Tag.STUDY_TIME, VR.TM, study.time());
        attributes.setString(Tag.ACCESSION_NUMBER, VR.SH, study.accessionNumber());
        attributes.setString(Tag.MODALITIES_IN_STUDY, VR.CS, region.modalities().toArray(String[]::new));
        attributes.setString(Tag.REFERRING_PHYSICIAN_NAME, VR.PN, study.referringPhysicianName());
        attributes.setString(Tag.STUDY_DESCRIPTION, VR.LO, study.description());
        attributes.setString(Tag.RETRIEVE_URL, VR.UR, urls.study(study.studyInstanceUid()));
        attributes.setString(Tag.PATIENT_NAME, VR.PN, manifest.patient().name());
        attributes.setString(Tag.PATIENT_ID, VR.LO, patient.id());
        attributes.setString(Tag.ISSUER_OF_PATIENT_ID, VR.LO, patient.issuer());
        attributes.setString(Tag.PATIENT_BIRTH_DATE, VR.DA, manifest.patient().birthDate());
        attributes.setString(Tag.PATIENT_SEX, VR.CS, manifest.patient().sex());
        attributes.setString(Tag.STUDY_INSTANCE_UID, VR.UI, study.studyInstanceUid());
        attributes.setString(Tag.STUDY_ID, VR.SH, study.studyId());
        attributes.setString(Tag.NUMBER_OF_STUDY_RELATED_SERIES, VR.IS, Integer.toString(manifest.series().size()));
        attributes.setString(Tag.NUMBER_OF_STUDY_RELATED_INSTANCES, VR.IS,
                Integer.toString(manifest.instanceCount()));
        return attributes;
    }

    static Attributes series(RegionStudy region, StudyManifest.SeriesReference series, FacadeUrls urls) {
        String study = region.studyInstanceUid();
        var attributes = new Attributes();
        attributes.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, UTF_8);
        attributes.setString(Tag.MODALITY, VR.CS, modality(region, series));
        attributes.setString(Tag.RETRIEVE_URL, VR.UR, urls.series(study, series.seriesInstanceUid()));
        attributes.setString(Tag.STUDY_INSTANCE_UID, VR.UI, study);
        attributes.setString(Tag.SERIES_INSTANCE_UID, VR.UI, series.seriesInstanceUid());
        attributes.setString(Tag.NUMBER_OF_SERIES_RELATED_INSTANCES, VR.IS,
                Integer.toString(series.instances().size()));
        return attributes;
    }

    static Attributes instance(RegionStudy region, StudyManifest.SeriesReference series,
                               StudyManifest.InstanceReference instance, FacadeUrls urls) {
        String study = region.studyInstanceUid();
        var attributes = new Attributes();
        attributes.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, UTF_8);
        attributes.setString(Tag.SOP_CLASS_UID, VR.UI, instance.sopClassUid());
        attributes.setString(Tag.SOP_INSTANCE_UID, VR.UI, instance.sopInstanceUid());
        attributes.setString(Tag.RETRIEVE_URL, VR.UR, urls.instance(study, series.seriesInstanceUid(),
                instance.sopInstanceUid()));
        attributes.setString(Tag.STUDY_INSTANCE_UID, VR.UI, study);
        attributes.setString(Tag.SERIES_INSTANCE_UID, VR.UI, series.seriesInstanceUid());
        return attributes;
    }

    static String modality(RegionStudy region, StudyManifest.SeriesReference series) {
        List<String> modalities = series.instances().stream()
                .map(i -> MODALITY_OF_SOP_CLASS.get(i.sopClassUid())).distinct().toList();
        if (modalities.size() == 1 && modalities.get(0) != null) {
            return modalities.get(0);
        }
        return region.modalities().size() == 1 ? region.modalities().get(0) : "";
    }

    /** A regional patient ID split into ID and assigning authority, as QIDO answers name it. */
    record RegionalId(String id, String issuer) {

        static RegionalId of(String cx) {
            String[] components = cx.split("\\^", -1);
            String[] authority = components.length > 3 ? components[3].split("&", -1) : new String[0];
            return new RegionalId(components[0], authority.length > 1 ? authority[1] : "");
        }
    }
}
