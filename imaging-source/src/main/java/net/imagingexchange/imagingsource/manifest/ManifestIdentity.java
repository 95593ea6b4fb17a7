// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.manifest;

import static java.util.Objects.requireNonNull;

import java.time.ZonedDateTime;

import net.imagingexchange.dicom.Uids;

/**
 * The identity of one manifest version: new UIDs for every version (RAD TF-2 4.68.4.1.2.1; spec/xdsi.md 1.6), and the
 * moment it was made, which becomes Instance Creation and Content Date/Time of the KOS and creationTime of its
 * DocumentEntry (RAD TF-2 4.68.4.1.2.3.2).
 *
 * @param sopInstanceUid    SOP Instance UID (0008,0018) of the KOS, also DocumentEntry.uniqueId.
 * @param seriesInstanceUid Series Instance UID (0020,000E) of the KOS: a new series, never an image series.
 * @param created           when the manifest was made; its zone is the one the KOS date and time are written in
 *                          when the study names no Timezone Offset From UTC.
 */
public record ManifestIdentity(String sopInstanceUid, String seriesInstanceUid, ZonedDateTime created) {

    public ManifestIdentity {
        requireNonNull(created, "created");
        if (!Uids.isOid(sopInstanceUid) || !Uids.isOid(seriesInstanceUid)) {
            throw new IllegalArgumentException("a manifest needs UIDs, not '" + sopInstanceUid + "' and '"
                    + seriesInstanceUid + "'");
        }
        if (sopInstanceUid.equals(seriesInstanceUid)) {
            throw new IllegalArgumentException("the manifest's SOP Instance UID and Series Instance UID must differ");
        }
    }
}
