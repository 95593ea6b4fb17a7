// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Imaging Document Consumer settings (prefix {@code consumer}): one reading site's window on the region. Pushing to
 * the reading PACS ({@code consumer.send}) and reports ({@code consumer.reports}) have settings of their own.
 *
 * @param enabled       whether this process hosts a consumer adapter.
 * @param dataDirectory manifests fetched from the region are kept under {@code <dataDirectory>/consumer/manifests}.
 * @param site          who this reading site is: its name, and the AE title it stores to the reading PACS with.
 * @param region        where the region's registry, repositories and imaging sources are.
 * @param facade        the DICOMweb façade the site's PACS and viewers use.
 */
@ConfigurationProperties("consumer")
public record ConsumerProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("data") Path dataDirectory,
        @DefaultValue Site site,
        @DefaultValue Region region,
        @DefaultValue Facade facade) {

    /**
     * @param baseUrl  the public URL of this exchange as the site's clients reach it; the façade's URLs in answers
     *                 (Retrieve URL, BulkDataURI) start with {@code <baseUrl>/consumer/dicomweb}. Empty means the
     *                 request's own.
     * @param maxSearchResults the most QIDO-RS results per request: the largest {@code limit} accepted, and the
     *                 page size without one.
     */
    public record Facade(@DefaultValue("") String baseUrl, @DefaultValue("1000") int maxSearchResults) {
    }

    /** @param aeTitle the AE title this adapter uses towards DICOM nodes (calling AE of C-STORE). */
    public record Site(@DefaultValue("XDSI_CONSUMER") String aeTitle) {
    }

    /**
     * @param registryUrl       the registry's ITI-18 endpoint; empty means this exchange's own.
     * @param repositories      the repositories' ITI-43 endpoints by repositoryUniqueId.
     * @param defaultRepositoryUrl the ITI-43 endpoint of a repository not listed; empty means this exchange's own.
     * @param imagingSources    the imaging sources' RAD-69 endpoints by Retrieve Location UID, and which WADO-RS hosts
     *                          may be followed (spec/xdsi.md 4.2: only URLs on an allow-list).
     * @param affinityDomainOid the assigning authority of regional patient IDs; empty means the affinity domain's.
     * @param manifestCheckInterval how long the current manifest of a study is trusted before the registry is asked
     *                          again whether it has been replaced.
     * @param connectTimeout    for every call to the region (SOAP and HTTP).
     * @param receiveTimeout    the longest wait for an answer to start.
     */
    public record Region(
            @DefaultValue("") String registryUrl,
            @DefaultValue List<Repository> repositories,
            @DefaultValue("") String defaultRepositoryUrl,
            @DefaultValue List<ImagingSource> imagingSources,
            @DefaultValue("") String affinityDomainOid,
            @DefaultValue("30s") Duration manifestCheckInterval,
            @DefaultValue("10s") Duration connectTimeout,
            @DefaultValue("120s") Duration receiveTimeout) {
    }

    /** A Document Repository: its repositoryUniqueId and ITI-43 endpoint. */
    public record Repository(String uniqueId, String url) {
    }

    /**
     * An imaging source of the region.
     *
     * @param retrieveLocationUid the Retrieve Location UID its manifests carry (its RAD-69 repositoryUniqueId).
     * @param rad69Url            its RAD-69 endpoint; empty with {@code local} means this exchange's own.
     * @param wadoRsHosts         {@code host:port} of the WADO-RS Retrieve URLs its manifests may carry.
     * @param local               the source is hosted by this exchange.
     */
    public record ImagingSource(
            String retrieveLocationUid,
            @DefaultValue("") String rad69Url,
            @DefaultValue List<String> wadoRsHosts,
            @DefaultValue("false") boolean local) {

        public ImagingSource {
            if (retrieveLocationUid == null || retrieveLocationUid.isBlank()) {
                throw new IllegalArgumentException("consumer.region.imaging-sources[].retrieve-location-uid is "
                        + "required: the Retrieve Location UID the source's manifests carry");
            }
        }
    }

    public Path manifestsDirectory() {
        return dataDirectory.resolve("consumer").resolve("manifests");
    }

    /** RAD-69 answers wait here until they are passed on. */
    public Path spoolDirectory() {
        return dataDirectory.resolve("consumer").resolve("spool");
    }

    public Path studiesDirectory() {
        return dataDirectory.resolve("consumer").resolve("studies");
    }
}
