// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import net.imagingexchange.database.DatabaseProperties;

/**
 * Imaging Document Source actor settings (prefix {@code imaging-source}): one hospital's gateway into the region.
 *
 * @param enabled       whether this process hosts an imaging source.
 * @param dataDirectory received instances live under {@code <dataDirectory>/imaging-source/instances}, manifests
 *                      under {@code .../manifests}, and the embedded H2 index under {@code .../index}.
 * @param database      the imaging source's own index database; empty URL means embedded H2.
 * @param dicom         the C-STORE SCP the hospital PACS sends to.
 * @param site          who this source is in the region: identifiers and the codes of its manifests.
 * @param patientIdentity how a local patient ID becomes the regional one (DESIGN.md 5).
 * @param publication   when and where manifests are published (RAD-68).
 * @param retrieve      how reading sites reach the images: what the manifest says and what WADO-RS serves.
 */
@ConfigurationProperties("imaging-source")
public record ImagingSourceProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("data") Path dataDirectory,
        @DefaultValue DatabaseProperties database,
        @DefaultValue Dicom dicom,
        @DefaultValue Site site,
        @DefaultValue PatientIdentity patientIdentity,
        @DefaultValue Publication publication,
        @DefaultValue Retrieve retrieve) {

    /**
     * @param aeTitle         the SCP's AE title; also the Retrieve AE Title written in manifests.
     * @param port            TCP port of the C-ECHO / C-STORE SCP; 0 picks a free one (tests).
     * @param bindAddress     the address it listens on.
     * @param maxAssociations associations served at once; one more is rejected as transient.
     */
    public record Dicom(
            @DefaultValue("XDSI_SOURCE") String aeTitle,
            @DefaultValue("11112") int port,
            @DefaultValue("0.0.0.0") String bindAddress,
            @DefaultValue("32") int maxAssociations) {
    }

    /**
     * @param name              the hospital, for people (logs, status API).
     * @param sourceId          the OID of this Imaging Document Source: SubmissionSet.sourceId and the root of the UIDs
     *                          it makes (manifests, submission sets).
     * @param institutionName   Institution Name of the manifests and the authorInstitution of their entries.
     * @param institutionOid    the institution's OID (authorInstitution XON.10); empty leaves it out.
     * @param accessionNumberIssuer the OID that issues Accession Numbers at this site, used when a study carries no
     *                          Issuer of Accession Number Sequence; empty leaves the issuer out of referenceIdList.
     * @param classCode         DocumentEntry.classCode of manifests, {@code code^scheme^display}.
     * @param typeCode          DocumentEntry.typeCode of manifests when the study has no Procedure Code.
     * @param practiceSettingCode DocumentEntry.practiceSettingCode.
     * @param healthcareFacilityTypeCode DocumentEntry.healthcareFacilityTypeCode.
     * @param confidentialityCode DocumentEntry.confidentialityCode.
     * @param contentTypeCode   SubmissionSet.contentTypeCode.
     * @param languageCode      DocumentEntry.languageCode.
     */
    public record Site(
            @DefaultValue("Péronne") String name,
            @DefaultValue("1.3.6.1.4.1.21367.2005.13.20.1000.4.1") String sourceId,
            @DefaultValue("Centre hospitalier de Péronne") String institutionName,
            @DefaultValue("") String institutionOid,
            @DefaultValue("") String accessionNumberIssuer,
            @DefaultValue("IMAGES^1.2.250.1.213.1.1.4.1^Images") String classCode,
            @DefaultValue("18748-4^2.16.840.1.113883.6.1^Diagnostic imaging study") String typeCode,
            @DefaultValue("394914008^2.16.840.1.113883.6.96^Radiology") String practiceSettingCode,
            @DefaultValue("22232009^2.16.840.1.113883.6.96^Hospital") String healthcareFacilityTypeCode,
            @DefaultValue("N^2.16.840.1.113883.5.25^normal") String confidentialityCode,
            @DefaultValue("18748-4^2.16.840.1.113883.6.1^Diagnostic imaging study") String contentTypeCode,
            @DefaultValue("fr-FR") String languageCode) {
    }

    /**
     * @param affinityDomainOid the assigning authority of regional patient IDs; empty means the affinity domain's
     *                          ({@code exchange.affinity-domain}).
     * @param localIssuer       the OID of this site's Patient ID issuer: used when an instance names no issuer, or names
     *                          it by a name that is not an OID (sourcePatientId must be {@code id^^^&OID&ISO}, ITI
     *                          TF-3 4.2.3.2.20); empty means such studies cannot be published.
     * @param mappings          local-to-regional IDs, looked up when Other Patient IDs carry no regional ID.
     * @param trustLocalIds     a Patient ID whose own issuer is the affinity domain is the regional ID itself.
     */
    public record PatientIdentity(
            @DefaultValue("") String affinityDomainOid,
            @DefaultValue("1.3.6.1.4.1.21367.2005.13.20.1000.4.3") String localIssuer,
            @DefaultValue List<Mapping> mappings,
            @DefaultValue("true") boolean trustLocalIds) {
    }

    /**
     * One row of the mapping table.
     *
     * @param patientId  the local Patient ID (0010,0020).
     * @param issuer     its issuer: Issuer of Patient ID (0010,0021) or the qualifiers' Universal Entity ID; empty
     *                   matches instances that name none.
     * @param regionalId the ID in the affinity domain (without the assigning authority).
     */
    public record Mapping(String patientId, @DefaultValue("") String issuer, String regionalId) {
    }

    /**
     * @param quietPeriod     a study is published once no instance of it has arrived for this long.
     * @param pollInterval    how often studies due for publication are looked for.
     * @param repositoryUrl   the Document Repository's ITI-41 endpoint RAD-68 goes to; empty means this exchange's
     *                        own ({@code http://localhost:<port>/repository/iti41}).
     * @param registryQueryUrl the registry's ITI-18 endpoint, asked which manifest is current before a replacement;
     *                        empty means this exchange's own.
     * @param connectTimeout  how long to wait for a connection to the repository.
     * @param receiveTimeout  how long to wait for its answer.
     * @param firstRetry      the wait after a failed publication; doubled after each failure up to maxRetryDelay.
     * @param maxRetryDelay   the longest wait between attempts; attempts never stop.
     */
    public record Publication(
            @DefaultValue("30s") Duration quietPeriod,
            @DefaultValue("250ms") Duration pollInterval,
            @DefaultValue("") String repositoryUrl,
            @DefaultValue("") String registryQueryUrl,
            @DefaultValue("10s") Duration connectTimeout,
            @DefaultValue("120s") Duration receiveTimeout,
            @DefaultValue("5s") Duration firstRetry,
            @DefaultValue("10m") Duration maxRetryDelay) {
    }

    /**
     * @param retrieveLocationUid the repositoryUniqueId of this source's RAD-69 endpoint: Retrieve Location UID of
     *                        every series in the manifests, and required in RAD-69 requests.
     * @param baseUrl         the public URL of this exchange as reading sites reach it (scheme, host, port);
     *                        manifests carry {@code <baseUrl>/imaging-source/dicomweb} as the WADO-RS Retrieve URL.
     *                        Empty means {@code http://localhost:<port>}, which only serves this machine.
     * @param maxRequestSize  a larger RAD-69 request is refused (HTTP 413) before it is parsed.
     * @param maxSearchResults the most QIDO-RS results per request: the largest {@code limit} accepted, and the page
     *                        size without one.
     */
    public record Retrieve(
            @DefaultValue("1.3.6.1.4.1.21367.2005.13.20.1000.4.2") String retrieveLocationUid,
            @DefaultValue("") String baseUrl,
            @DefaultValue("16MB") DataSize maxRequestSize,
            @DefaultValue("1000") int maxSearchResults) {
    }

    public Path instancesDirectory() {
        return dataDirectory.resolve("imaging-source").resolve("instances");
    }

    public Path incomingDirectory() {
        return dataDirectory.resolve("imaging-source").resolve("incoming");
    }

    public Path manifestsDirectory() {
        return dataDirectory.resolve("imaging-source").resolve("manifests");
    }

    /** The JDBC URL in force. */
    public String jdbcUrl() {
        return database.jdbcUrl(dataDirectory.resolve("imaging-source").resolve("index"));
    }
}
