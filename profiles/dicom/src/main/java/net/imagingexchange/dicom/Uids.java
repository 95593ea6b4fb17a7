// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.regex.Pattern;

/** UIDs and OIDs (PS3.5 9.1): dot-separated numeric components, at most 64 characters. */
public final class Uids {

    /** Key Object Selection Document Storage (PS3.4 B.5): the SOP class of an XDS-I.b manifest. */
    public static final String KEY_OBJECT_SELECTION_DOCUMENT_STORAGE = "1.2.840.10008.5.1.4.1.1.88.59";
    /** The DICOM UID registry as a coding scheme (PS3.16 8.1), the scheme of a KOS formatCode. */
    public static final String DICOM_UID_REGISTRY_SCHEME = "1.2.840.10008.2.6.1";

    private static final Pattern RECEIVED = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+");

    private Uids() {
    }

    /**
     * Whether a UID a peer sent can be taken: numeric components and dots only, so it is also safe in a file name.
     * Leading zeros, which PS3.5 9.1 forbids, are tolerated: archives in the field hold such UIDs.
     */
    public static boolean isUid(String uid) {
        return uid != null && uid.length() <= 64 && RECEIVED.matcher(uid).matches();
    }

    /** A UUID-derived UID (PS3.5 B.2): {@code 2.25.} and the UUID as an unsigned decimal integer, at most 44 characters. */
    public static String fromUuid(UUID uuid) {
        byte[] bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
        return "2.25." + new BigInteger(1, bytes);
    }

    /** A new UID, from a random UUID. */
    public static String random() {
        return fromUuid(UUID.randomUUID());
    }

    /** Whether {@code value} is an OID as PS3.5 9.1 and ISO/IEC 8824 write it: no leading zeros, first arc 0-2. */
    public static boolean isOid(String value) {
        return value != null && value.length() <= 64 && OID.matcher(value).matches();
    }
}
