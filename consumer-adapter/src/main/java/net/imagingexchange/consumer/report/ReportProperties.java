// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.report;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import net.imagingexchange.dicom.Uids;

/**
 * Reports sent back by this reading site (prefix {@code consumer.reports}): where they go (ITI-41) and who writes them
 * (the CDA header and the XDS metadata, spec/xdsi.md 6.2 and 6.5). Codes are {@code code^codingScheme^displayName}.
 *
 * @param repositoryUrl   the Document Repository's ITI-41 endpoint; empty means this exchange's own
 *                        ({@code /repository/iti41}).
 * @param sourceId        SubmissionSet.sourceId: the OID of this site as an XDS Document Source.
 * @param institutionName the reading site: authorInstitution (XON.1), custodian and representedOrganization name.
 * @param institutionOid  the reading site's OID (XON.10, the custodian's id); also the issuer of authors' ids.
 * @param documentUidRoot the OID under which report ids are made ({@code <root>.<time>.<random>}); at most 40
 *                        characters, so that an id stays within the 64 characters of an OID in C-CDA and XDS.
 * @param realmCode       ClinicalDocument/realmCode.
 * @param zone            the zone of times written in the CDA (effectiveTime carries its offset).
 * @param classCode       DocumentEntry.classCode of reports.
 * @param practiceSettingCode DocumentEntry.practiceSettingCode.
 * @param healthcareFacilityTypeCode DocumentEntry.healthcareFacilityTypeCode.
 * @param confidentialityCode ClinicalDocument/confidentialityCode and DocumentEntry.confidentialityCode.
 * @param contentTypeCode SubmissionSet.contentTypeCode.
 * @param languageCode    ClinicalDocument/languageCode and DocumentEntry.languageCode (RFC 5646).
 * @param connectTimeout  for calls to the repository.
 * @param receiveTimeout  the longest wait for the repository's answer.
 */
@ConfigurationProperties("consumer.reports")
public record ReportProperties(
        @DefaultValue("") String repositoryUrl,
        @DefaultValue("1.3.6.1.4.1.21367.2005.13.20.1000.5.1") String sourceId,
        @DefaultValue("Centre hospitalier de Saint-Quentin") String institutionName,
        @DefaultValue("1.3.6.1.4.1.21367.2005.13.20.1000.5.2") String institutionOid,
        @DefaultValue("1.3.6.1.4.1.21367.2005.13.20.1000.5.3") String documentUidRoot,
        @DefaultValue("FR") String realmCode,
        @DefaultValue("Europe/Paris") ZoneId zone,
        @DefaultValue("REPORTS^1.2.250.1.213.1.1.4.1^Reports") String classCode,
        @DefaultValue("394914008^2.16.840.1.113883.6.96^Radiology") String practiceSettingCode,
        @DefaultValue("22232009^2.16.840.1.113883.6.96^Hospital") String healthcareFacilityTypeCode,
        @DefaultValue("N^2.16.840.1.113883.5.25^normal") String confidentialityCode,
        @DefaultValue("18748-4^2.16.840.1.113883.6.1^Diagnostic imaging study") String contentTypeCode,
        @DefaultValue("fr-FR") String languageCode,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("60s") Duration receiveTimeout) {

    /** The longest documentUidRoot: 64 characters less a dot, 13 digits of time, a dot and 5 random digits. */
    static final int MAX_ROOT_LENGTH = 40;

    public ReportProperties {
        requireOid("sourceId", sourceId);
        requireOid("institutionOid", institutionOid);
        requireOid("documentUidRoot", documentUidRoot);
        if (documentUidRoot.length() > MAX_ROOT_LENGTH) {
            throw new IllegalArgumentException("consumer.reports.document-uid-root must have at most "
                    + MAX_ROOT_LENGTH + " characters, has " + documentUidRoot.length());
        }
        if (institutionName == null || institutionName.isBlank()) {
            throw new IllegalArgumentException("consumer.reports.institution-name must not be empty");
        }
        for (String code : new String[] {classCode, practiceSettingCode, healthcareFacilityTypeCode,
                confidentialityCode, contentTypeCode}) {
            CodedValue.parse(code);
        }
    }

    private static void requireOid(String name, String value) {
        if (!Uids.isOid(value)) {
            throw new IllegalArgumentException("consumer.reports." + name + " must be an OID, not '" + value + "'");
        }
    }
}
