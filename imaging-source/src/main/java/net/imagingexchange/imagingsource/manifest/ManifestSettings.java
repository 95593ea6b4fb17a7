// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.manifest;

import static java.util.Objects.requireNonNull;

import net.imagingexchange.dicom.Uids;

/**
 * What a KOS manifest says about the Imaging Document Source that serves the referenced instances.
 *
 * @param retrieveAeTitle     Retrieve AE Title (0008,0054) of every series: the AE title of our C-STORE SCP, for
 *                            DIMSE retrieval and as a WADO host hint (RAD TF-2 4.68.4.1.2.1.1; must not be empty).
 * @param retrieveLocationUid Retrieve Location UID (0040,E011) of every series: the repositoryUniqueId of our RAD-69
 *                            endpoint (RAD TF-2 4.68.4.1.2.1.1).
 * @param wadoRsBaseUrl       Retrieve URL (0008,1190) of every series: the WADO-RS base URL, e.g.
 *                            {@code http://host:8080/imaging-source/dicomweb}, without the {@code /studies/...} path
 *                            (PS3.18 10.4; spec/xdsi.md 4.2); empty leaves it out.
 * @param institutionName     Institution Name (0008,0080) of the manifest: the hospital that publishes it.
 * @param manufacturer        Manufacturer (0008,0070) of the manifest: this software.
 * @param seriesNumber        Series Number (0020,0011) of the manifests' series.
 */
public record ManifestSettings(String retrieveAeTitle, String retrieveLocationUid, String wadoRsBaseUrl,
                               String institutionName, String manufacturer, int seriesNumber) {

    /** Manufacturer written when the deployment does not name another. */
    public static final String DEFAULT_MANUFACTURER = "Regional imaging exchange";
    /** A series number that image series rarely use, so that viewers list the manifest last. */
    public static final int DEFAULT_SERIES_NUMBER = 999;

    public ManifestSettings {
        requireNonNull(retrieveAeTitle, "retrieveAeTitle");
        requireNonNull(retrieveLocationUid, "retrieveLocationUid");
        requireNonNull(wadoRsBaseUrl, "wadoRsBaseUrl");
        requireNonNull(institutionName, "institutionName");
        requireNonNull(manufacturer, "manufacturer");
        if (retrieveAeTitle.isBlank() || retrieveAeTitle.length() > 16) {
            throw new IllegalArgumentException("Retrieve AE Title must have 1 to 16 characters: '" + retrieveAeTitle
                    + "'");
        }
        if (!Uids.isOid(retrieveLocationUid)) {
            throw new IllegalArgumentException("Retrieve Location UID must be a UID: '" + retrieveLocationUid + "'");
        }
        if (wadoRsBaseUrl.endsWith("/")) {
            wadoRsBaseUrl = wadoRsBaseUrl.substring(0, wadoRsBaseUrl.length() - 1);
        }
    }
}
