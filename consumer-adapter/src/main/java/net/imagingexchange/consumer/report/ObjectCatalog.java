// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.report;

import java.util.Optional;

import javax.xml.stream.XMLStreamException;

import net.imagingexchange.consumer.manifest.StudyManifest;

/**
 * The DICOM Object Catalog section (spec/xdsi.md 6.4): the report's link to the study, one Study Act with a Series Act
 * per series and a SOP Instance Observation per instance of the manifest, each instance with its WADO-RS URL when the
 * manifest gives the series a Retrieve URL. The section has no narrative (C-CDA DIR: no human-readable text).
 */
final class ObjectCatalog {

    static final String DCM = "1.2.840.10008.2.16.4";
    static final String DCMUID = "1.2.840.10008.2.6.1";
    static final String SECTION_TEMPLATE = "2.16.840.1.113883.10.20.6.1.1";
    static final String STUDY_ACT_TEMPLATE = "2.16.840.1.113883.10.20.6.2.6";
    static final String SERIES_ACT_TEMPLATE = "2.16.840.1.113883.10.20.22.4.63";
    static final String SOP_INSTANCE_TEMPLATE = "2.16.840.1.113883.10.20.6.2.8";

    private ObjectCatalog() {
    }

    static void write(XmlOut x, ClinicalReport report) throws XMLStreamException {
        x.open("section", "classCode", "DOCSECT", "moodCode", "EVN");
        x.empty("templateId", "root", SECTION_TEMPLATE);
        x.empty("code", "code", "121181", "codeSystem", DCM, "codeSystemName", "DCM",
                "displayName", "DICOM Object Catalog");
        x.open("entry").open("act", "classCode", "ACT", "moodCode", "EVN");
        x.empty("templateId", "root", STUDY_ACT_TEMPLATE);
        x.empty("id", "root", report.study().study().studyInstanceUid());
        x.empty("code", "code", "113014", "codeSystem", DCM, "codeSystemName", "DCM", "displayName", "Study");
        for (StudyManifest.SeriesReference series : report.catalogSeries()) {
            x.open("entryRelationship", "typeCode", "COMP");
            series(x, report, series);
            x.close();
        }
        x.close().close(); // act, entry
        x.close();
    }

    private static void series(XmlOut x, ClinicalReport report, StudyManifest.SeriesReference series)
            throws XMLStreamException {
        x.open("act", "classCode", "ACT", "moodCode", "EVN");
        x.empty("templateId", "root", SERIES_ACT_TEMPLATE);
        x.empty("id", "root", series.seriesInstanceUid());
        x.open("code", "code", "113015", "codeSystem", DCM, "codeSystemName", "DCM", "displayName", "Series");
        if (report.modality().isPresent()) {
            CodedValue modality = report.modality().get();
            x.open("qualifier");
            x.empty("name", "code", "121139", "codeSystem", DCM, "codeSystemName", "DCM", "displayName", "Modality");
            x.empty("value", "code", modality.code(), "codeSystem", DCM, "codeSystemName", "DCM",
                    "displayName", modality.display());
            x.close();
        }
        x.close(); // code
        String studyUid = report.study().study().studyInstanceUid();
        for (StudyManifest.InstanceReference instance : series.instances()) {
            x.open("entryRelationship", "typeCode", "COMP");
            x.open("observation", "classCode", "DGIMG", "moodCode", "EVN");
            x.empty("templateId", "root", SOP_INSTANCE_TEMPLATE);
            x.empty("id", "root", instance.sopInstanceUid());
            x.empty("code", "code", instance.sopClassUid(), "codeSystem", DCMUID, "codeSystemName", "DCMUID");
            Optional<String> url = wadoRs(series, studyUid, instance.sopInstanceUid());
            if (url.isPresent()) {
                x.open("text", "mediaType", "application/dicom").empty("reference", "value", url.get()).close();
            }
            x.close().close(); // observation, entryRelationship
        }
        x.close(); // act
    }

    /**
     * The instance's WADO-RS URL (PS3.18 10.4.1) from the series' Retrieve URL, read as a service base URL or as a
     * study or series resource (spec/xdsi.md 4.2 and open point 3: both readings are met in practice).
     */
    static Optional<String> wadoRs(StudyManifest.SeriesReference series, String studyUid, String sopInstanceUid) {
        return series.retrieveUrl().isBlank() ? Optional.empty()
                : Optional.of(series.wadoRsUrl(studyUid, sopInstanceUid));
    }
}
