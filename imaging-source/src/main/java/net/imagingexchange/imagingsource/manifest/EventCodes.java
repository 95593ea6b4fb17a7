// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.LocalizedString;

import net.imagingexchange.imagingsource.index.SeriesRecord;

/**
 * DocumentEntry.eventCodeList of a manifest (RAD TF-2 4.68.4.1.2.3.2): one code per distinct acquisition modality of
 * the study (PS3.16 CID 29, "required if known"), then one per distinct anatomic region (PS3.16 CID 4, from Body Part
 * Examined through {@link BodyParts}). Modalities that acquire nothing (KO, SR, PR and the like) are not in CID 29
 * and so never appear; neither does a modality or body part outside the tables.
 */
public final class EventCodes {

    /** codingScheme of CID 29 codes: the DICOM Controlled Terminology (DCM) as an OID (spec/xdsi.md 1.3). */
    public static final String DCM_SCHEME = "1.2.840.10008.2.16.4";
    /** codingScheme of CID 4 codes: SNOMED CT as an OID. */
    public static final String SNOMED_CT_SCHEME = "2.16.840.1.113883.6.96";

    // PS3.16 CID 29 Acquisition Modality: code value and meaning (scheme DCM)
    private static final Map<String, String> MODALITIES = Map.ofEntries(
            Map.entry("AR", "Autorefraction"),
            Map.entry("BDUS", "Ultrasound Bone Densitometry"),
            Map.entry("BI", "Biomagnetic imaging"),
            Map.entry("BMD", "Bone Mineral Densitometry"),
            Map.entry("CR", "Computed Radiography"),
            Map.entry("CT", "Computed Tomography"),
            Map.entry("DG", "Diaphanography"),
            Map.entry("DX", "Digital Radiography"),
            Map.entry("ECG", "Electrocardiography"),
            Map.entry("EPS", "Cardiac Electrophysiology"),
            Map.entry("ES", "Endoscopy"),
            Map.entry("GM", "General Microscopy"),
            Map.entry("HD", "Hemodynamic Waveform"),
            Map.entry("IO", "Intra-oral Radiography"),
            Map.entry("IVOCT", "Intravascular Optical Coherence Tomography"),
            Map.entry("IVUS", "Intravascular Ultrasound"),
            Map.entry("KER", "Keratometry"),
            Map.entry("LEN", "Lensometry"),
            Map.entry("LS", "Laser surface scan"),
            Map.entry("MG", "Mammography"),
            Map.entry("MR", "Magnetic Resonance"),
            Map.entry("NM", "Nuclear Medicine"),
            Map.entry("OAM", "Ophthalmic Axial Measurements"),
            Map.entry("OCT", "Optical Coherence Tomography"),
            Map.entry("OP", "Ophthalmic Photography"),
            Map.entry("OPM", "Ophthalmic Mapping"),
            Map.entry("OPT", "Ophthalmic Tomography"),
            Map.entry("OPV", "Ophthalmic Visual Field"),
            Map.entry("OSS", "Optical Surface Scanner"),
            Map.entry("PT", "Positron emission tomography"),
            Map.entry("PX", "Panoramic X-Ray"),
            Map.entry("RF", "Radiofluoroscopy"),
            Map.entry("RG", "Radiographic imaging"),
            Map.entry("SM", "Slide Microscopy"),
            Map.entry("SRF", "Subjective Refraction"),
            Map.entry("TG", "Thermography"),
            Map.entry("US", "Ultrasound"),
            Map.entry("VA", "Visual Acuity"),
            Map.entry("XA", "X-Ray Angiography"),
            Map.entry("XC", "External-camera Photography"));

    private EventCodes() {
    }

    /** The CID 29 code of a Modality (0008,0060) value, if it is an acquisition modality. */
    public static Optional<DicomCode> acquisitionModality(String modality) {
        if (modality == null) {
            return Optional.empty();
        }
        String value = modality.strip().toUpperCase(Locale.ROOT);
        String meaning = MODALITIES.get(value);
        return meaning == null ? Optional.empty() : Optional.of(new DicomCode(value, "DCM", meaning));
    }

    /** The event codes of a study's series: modalities first, then anatomic regions, each once, in series order. */
    public static List<Code> of(List<SeriesRecord> series) {
        var modalities = new LinkedHashMap<String, DicomCode>();
        var regions = new LinkedHashMap<String, DicomCode>();
        for (SeriesRecord one : series) {
            acquisitionModality(one.modality()).ifPresent(code -> modalities.putIfAbsent(code.value(), code));
            BodyParts.anatomicRegion(one.bodyPartExamined()).ifPresent(code -> regions.putIfAbsent(code.value(), code));
        }
        var codes = new ArrayList<Code>();
        modalities.values().forEach(code -> codes.add(xds(code, DCM_SCHEME)));
        regions.values().forEach(code -> codes.add(xds(code, SNOMED_CT_SCHEME)));
        return codes;
    }

    private static Code xds(DicomCode code, String schemeOid) {
        return new Code(code.value(), new LocalizedString(code.meaning()), schemeOid);
    }
}
