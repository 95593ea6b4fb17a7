// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.xds.domain;

/** The coded metadata attributes whose value sets an affinity domain defines (ITI TF-3 4.2.3.2, 4.2.3.3, 4.2.3.4). */
public enum CodedAttribute {
    classCode,
    typeCode,
    formatCode,
    practiceSettingCode,
    healthcareFacilityTypeCode,
    confidentialityCode,
    eventCodeList,
    contentTypeCode,
    folderCodeList
}
