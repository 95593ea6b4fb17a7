// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.index;

/**
 * A series as indexed. Absent DICOM values are empty strings.
 *
 * @param seriesInstanceUid (0020,000E).
 * @param studyInstanceUid  its study.
 * @param modality          (0008,0060).
 * @param seriesNumber      (0020,0011), IS as encoded.
 * @param seriesDescription (0008,103E).
 * @param bodyPartExamined  (0018,0015).
 */
public record SeriesRecord(String seriesInstanceUid, String studyInstanceUid, String modality, String seriesNumber,
                           String seriesDescription, String bodyPartExamined) {
}
