// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.manifest;

import java.util.Set;

/**
 * The value type of a TID 2010 content item that references an instance (PS3.16 TID 2010 rows 8 to 10): IMAGE for
 * the image storage SOP classes, WAVEFORM for the waveform ones, COMPOSITE for every other composite object (SR,
 * presentation states, KOS, encapsulated documents, RT objects other than RT Image, raw data, spatial registration).
 */
enum ReferenceValueType {
    IMAGE,
    WAVEFORM,
    COMPOSITE;

    private static final String STORAGE = "1.2.840.10008.5.1.4.1.1.";
    // PS3.4 B.5 Table B.5-1: the storage SOP classes whose IODs are images (current and retired), after STORAGE
    private static final Set<String> IMAGES = Set.of(
            "1", "1.1", "1.1.1", "1.2", "1.2.1", "1.3", "1.3.1",       // CR, DX, MG, IO (presentation, processing)
            "2", "2.1", "2.2",                                      // CT, Enhanced CT, Legacy Converted CT
            "3", "3.1", "5", "6", "6.1", "6.2", "6.3",              // US (retired and current), NM retired, PA
            "4", "4.1", "4.3", "4.4",                               // MR, Enhanced MR, MR Color, Legacy MR
            "7", "7.1", "7.2", "7.3", "7.4",                        // Secondary Capture, multi-frame SC
            "12.1", "12.1.1", "12.2", "12.2.1", "12.3",             // XA, Enhanced XA, XRF, Enhanced XRF, bi-plane
            "13.1.1", "13.1.2", "13.1.3", "13.1.4", "13.1.5",       // 3D XA, 3D craniofacial, tomosynthesis
            "14.1", "14.2",                                         // IVOCT
            "20", "30", "66.4",                                     // NM, Parametric Map, Segmentation
            "77.1", "77.2", "77.1.1", "77.1.1.1", "77.1.2", "77.1.2.1", "77.1.3", "77.1.4", "77.1.4.1",
            "77.1.5.1", "77.1.5.2", "77.1.5.4", "77.1.5.5", "77.1.5.6", "77.1.5.7", "77.1.5.8",
            "77.1.6", "77.1.7",                                   // visible light, ophthalmic, whole slide
            "81.1", "82.1",                                         // ophthalmic thickness, corneal topography
            "128", "128.1", "130",                                  // PET, Legacy Converted PET, Enhanced PET
            "481.1");                                               // RT Image

    static ReferenceValueType of(String sopClassUid) {
        if (sopClassUid.startsWith(STORAGE)) {
            String storage = sopClassUid.substring(STORAGE.length());
            if (storage.startsWith("9.")) {
                return WAVEFORM;                                    // PS3.4 B.5: 1.2.840.10008.5.1.4.1.1.9.x
            }
            if (IMAGES.contains(storage)) {
                return IMAGE;
            }
        }
        return COMPOSITE;
    }
}
