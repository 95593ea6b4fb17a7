// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.manifest;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.LocalizedString;

import net.imagingexchange.dicom.Uids;
import net.imagingexchange.imagingsource.ImagingSourceProperties;
import net.imagingexchange.xds.domain.ConfiguredCodes;

/**
 * Who this Imaging Document Source is in the affinity domain, and the affinity-domain codes of its manifests
 * (ITI TF-3 4.2.3.2, 4.2.3.3). Codes are {@code code^codingScheme^displayName}; OIDs given as empty strings are absent.
 *
 * @param sourceId                 SubmissionSet.sourceId: the OID of this source.
 * @param institutionName          authorInstitution XON.1 of entries and submission sets.
 * @param institutionOid           authorInstitution XON.10, the institution's OID; empty leaves it out.
 * @param localIssuerOid           the OID of this site's Patient ID issuer: the assigning authority of sourcePatientId
 *                                 when the study names no issuer, or names it by a name that is not an OID (IPF's
 *                                 ITI-41 validation accepts only {@code &OID&ISO}); empty means such a study cannot be
 *                                 published.
 * @param accessionNumberIssuer    the OID of this site's accession numbers, used when the study names no issuer.
 * @param classCode                DocumentEntry.classCode.
 * @param typeCode                 DocumentEntry.typeCode.
 * @param practiceSettingCode      DocumentEntry.practiceSettingCode.
 * @param healthcareFacilityTypeCode DocumentEntry.healthcareFacilityTypeCode.
 * @param confidentialityCode      DocumentEntry.confidentialityCode.
 * @param contentTypeCode          SubmissionSet.contentTypeCode.
 * @param languageCode             DocumentEntry.languageCode (RFC 5646), e.g. {@code fr-FR}.
 * @param studyZone                the zone of Study Date and Time when the study names no Timezone Offset From UTC.
 */
public record MetadataSettings(String sourceId, String institutionName, String institutionOid, String localIssuerOid,
                               String accessionNumberIssuer, String classCode, String typeCode,
                               String practiceSettingCode, String healthcareFacilityTypeCode,
                               String confidentialityCode, String contentTypeCode, String languageCode,
                               ZoneId studyZone) {

    public MetadataSettings {
        requireOid("sourceId", sourceId);
        requireNonNull(institutionName, "institutionName");
        if (institutionName.isBlank()) {
            throw new IllegalArgumentException("institutionName must not be empty: it names the author institution");
        }
        optionalOid("institutionOid", institutionOid);
        optionalOid("localIssuerOid", localIssuerOid);
        optionalOid("accessionNumberIssuer", accessionNumberIssuer);
        for (String code : new String[] {classCode, typeCode, practiceSettingCode, healthcareFacilityTypeCode,
                confidentialityCode, contentTypeCode}) {
            ConfiguredCodes.parse(code);
        }
        requireNonNull(languageCode, "languageCode");
        requireNonNull(studyZone, "studyZone");
    }

    /** The settings of a site as configured ({@code imaging-source.site.*}, {@code .patient-identity.local-issuer}). */
    public static MetadataSettings of(ImagingSourceProperties properties, ZoneId studyZone) {
        var site = properties.site();
        return new MetadataSettings(site.sourceId(), site.institutionName(), site.institutionOid(),
                properties.patientIdentity().localIssuer(), site.accessionNumberIssuer(), site.classCode(),
                site.typeCode(), site.practiceSettingCode(), site.healthcareFacilityTypeCode(),
                site.confidentialityCode(), site.contentTypeCode(), site.languageCode(), studyZone);
    }

    private static void requireOid(String name, String value) {
        if (!Uids.isOid(value)) {
            throw new IllegalArgumentException(name + " must be an OID, not '" + value + "'");
        }
    }

    private static void optionalOid(String name, String value) {
        requireNonNull(value, name);
        if (!value.isEmpty()) {
            requireOid(name, value);
        }
    }
}
