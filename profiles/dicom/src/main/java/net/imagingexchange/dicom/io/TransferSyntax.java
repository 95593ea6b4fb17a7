// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.io;

/**
 * How a data set is encoded (PS3.5 10, Annex A). Every standard transfer syntax other than the four uncompressed
 * ones is explicit VR little endian with encapsulated pixel data (PS3.5 A.4), whose fragments are passed through.
 *
 * @param uid          the Transfer Syntax UID.
 * @param explicitVr   VRs written in each element header.
 * @param bigEndian    retired explicit VR big endian (PS3.5 A.3): read only.
 * @param deflated     the data set after the file meta information is a raw DEFLATE stream (PS3.5 A.5): read only.
 * @param encapsulated pixel data in fragments (PS3.5 A.4).
 */
public record TransferSyntax(String uid, boolean explicitVr, boolean bigEndian, boolean deflated,
                             boolean encapsulated) {

    public static final TransferSyntax IMPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2", false, false, false, false);
    public static final TransferSyntax EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2.1", true, false, false, false);
    public static final TransferSyntax DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2.1.99", true, false, true, false);
    public static final TransferSyntax EXPLICIT_VR_BIG_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2.2", true, true, false, false);

    /** The transfer syntax a UID names; an unknown one is taken as encapsulated (a compressed transfer syntax). */
    public static TransferSyntax of(String uid) {
        for (TransferSyntax known : new TransferSyntax[] {IMPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_LITTLE_ENDIAN,
                DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_BIG_ENDIAN}) {
            if (known.uid.equals(uid)) {
                return known;
            }
        }
        return new TransferSyntax(uid, true, false, false, true);
    }
}
