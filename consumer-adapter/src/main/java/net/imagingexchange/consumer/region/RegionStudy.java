// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.region;

import java.util.List;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;

import net.imagingexchange.consumer.manifest.StudyManifest;

/**
 * A study of the region as a reading site sees it: the Approved manifest entries the registry lists for it and what
 * their manifests say (several when more than one imaging source holds instances of the study, merged by series).
 *
 * @param patientCx   the regional patient ID the study was found under ({@code id^^^&OID&ISO}).
 * @param entries     the manifests' DocumentEntries as the registry answered, newest first (a report links to the
 *                    first).
 * @param manifest    the manifests merged: the first one's patient and study, every one's series.
 * @param modalities  the acquisition modalities of the study (CID 29 codes of the entries' eventCodeList).
 */
public record RegionStudy(String patientCx, List<DocumentEntry> entries, StudyManifest manifest,
                          List<String> modalities) {

    public RegionStudy {
        entries = List.copyOf(entries);
        modalities = List.copyOf(modalities);
    }

    public String studyInstanceUid() {
        return manifest.study().studyInstanceUid();
    }
}
