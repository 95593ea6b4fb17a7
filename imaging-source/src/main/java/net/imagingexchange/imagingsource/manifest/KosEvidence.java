// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.data.Sequence;
import net.imagingexchange.imagingsource.index.InstanceRecord;
import net.imagingexchange.imagingsource.index.SeriesRecord;
import net.imagingexchange.imagingsource.index.StudySnapshot;

/**
 * What a manifest references, written twice as TID 2010 and XDS-I.b ask: the Current Requested Procedure Evidence
 * Sequence (PS3.3 C.17.6.2, Hierarchical SOP Instance Reference macro, Table 10-3), grouped study, series, instance
 * with the retrieve attributes on each series (RAD TF-2 4.68.4.1.2.1.1); and one CONTAINS IMAGE, WAVEFORM or
 * COMPOSITE content item per instance (PS3.16 TID 2010 rows 8 to 10: every instance of the evidence is referenced in
 * the content tree, with no purpose of reference). One pass over the instances: no per-series scan.
 */
final class KosEvidence {

    private final ManifestSettings settings;

    KosEvidence(ManifestSettings settings) {
        this.settings = settings;
    }

    void write(Attributes kos, StudySnapshot study, ManifestIdentity identity) {
        Map<String, List<InstanceRecord>> bySeries = groupBySeries(study, identity);
        var evidence = kos.newSequence(Tag.CURRENT_REQUESTED_PROCEDURE_EVIDENCE_SEQUENCE).addItem();
        evidence.setString(Tag.STUDY_INSTANCE_UID, VR.UI, study.study().studyInstanceUid());
        Sequence seriesReferences = evidence.newSequence(Tag.REFERENCED_SERIES_SEQUENCE);
        Sequence content = kos.newSequence(Tag.CONTENT_SEQUENCE);
        for (Map.Entry<String, List<InstanceRecord>> series : bySeries.entrySet()) {
            var reference = seriesReferences.addItem();
            reference.setString(Tag.SERIES_INSTANCE_UID, VR.UI, series.getKey());
            reference.setString(Tag.RETRIEVE_AE_TITLE, VR.AE, settings.retrieveAeTitle());
            if (!settings.wadoRsBaseUrl().isEmpty()) {
                reference.setString(Tag.RETRIEVE_URL, VR.UR, settings.wadoRsBaseUrl());
            }
            reference.setString(Tag.RETRIEVE_LOCATION_UID, VR.UI, settings.retrieveLocationUid());
            Sequence sops = reference.newSequence(Tag.REFERENCED_SOP_SEQUENCE);
            for (InstanceRecord instance : series.getValue()) {
                sopReference(sops.addItem(), instance);
                var item = content.addItem();
                item.setString(Tag.RELATIONSHIP_TYPE, VR.CS, "CONTAINS");
                item.setString(Tag.VALUE_TYPE, VR.CS, ReferenceValueType.of(instance.sopClassUid()).name());
                sopReference(item.newSequence(Tag.REFERENCED_SOP_SEQUENCE).addItem(), instance);
            }
        }
    }

    // the series in the snapshot's order, then any series the snapshot's instances name but its series list lacks
    private static Map<String, List<InstanceRecord>> groupBySeries(StudySnapshot study, ManifestIdentity identity) {
        var bySeries = new LinkedHashMap<String, List<InstanceRecord>>();
        for (SeriesRecord series : study.series()) {
            bySeries.put(series.seriesInstanceUid(), new ArrayList<>());
        }
        String studyUid = study.study().studyInstanceUid();
        for (InstanceRecord instance : study.instances()) {
            if (!instance.studyInstanceUid().equals(studyUid)) {
                // PS3.3 C.17.6.2.1: another study's instance would need the Identical Documents Sequence
                throw new IllegalArgumentException("instance of study " + instance.studyInstanceUid()
                        + " in the snapshot of study " + studyUid + ": a manifest covers one study");
            }
            if (instance.sopInstanceUid().equals(identity.sopInstanceUid())
                    || instance.seriesInstanceUid().equals(identity.seriesInstanceUid())) {
                throw new IllegalArgumentException("the manifest's UIDs must be new, not those of a referenced"
                        + " instance or series: " + instance.sopInstanceUid());
            }
            bySeries.computeIfAbsent(instance.seriesInstanceUid(), uid -> new ArrayList<>()).add(instance);
        }
        bySeries.values().removeIf(List::isEmpty); // PS3.3 Table 10-4: Referenced SOP Sequence is type 1
        return bySeries;
    }

    private static void sopReference(Attributes item, InstanceRecord instance) {
        item.setString(Tag.REFERENCED_SOP_CLASS_UID, VR.UI, instance.sopClassUid());
        item.setString(Tag.REFERENCED_SOP_INSTANCE_UID, VR.UI, instance.sopInstanceUid());
    }
}
