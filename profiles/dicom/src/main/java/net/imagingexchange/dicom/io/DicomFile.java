// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.io;

import net.imagingexchange.dicom.data.Attributes;

/**
 * A Part 10 file's content (PS3.10 7.1).
 *
 * @param fileMeta       the File Meta Information (group 0002).
 * @param dataset        the data set, up to Pixel Data when read header-only.
 * @param transferSyntax the data set's encoding, from (0002,0010).
 */
public record DicomFile(Attributes fileMeta, Attributes dataset, TransferSyntax transferSyntax) {
}
