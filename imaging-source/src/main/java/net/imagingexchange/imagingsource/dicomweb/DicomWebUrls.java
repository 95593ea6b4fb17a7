// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The URLs of this source's DICOMweb resources (PS3.18 10.4.1): {@code <public base>/imaging-source/dicomweb/studies
 * /{study}/series/{series}/instances/{instance}}, the same base the manifests carry as WADO-RS Retrieve URL.
 *
 * @param root the service root, without a trailing slash.
 */
public record DicomWebUrls(String root) {

    /** Where the DICOMweb service sits under the public base URL (DESIGN.md 4). */
    static final String SERVICE_PATH = "/imaging-source/dicomweb";

    /**
     * The public base URL for a request: {@code configuredBaseUrl} (ImagingSourceProperties.Retrieve.baseUrl) when
     * set, otherwise the request's own {@code scheme://host:port} (and context path), which the operator is given.
     */
    public static UnaryOperator<String> publicBase(String configuredBaseUrl) {
        String configured = stripSlash(configuredBaseUrl == null ? "" : configuredBaseUrl.strip());
        return origin -> configured.isEmpty() ? origin : configured;
    }

    /** The URLs for one request, its origin given to {@code publicBase}. */
    static DicomWebUrls of(UnaryOperator<String> publicBase, HttpServletRequest request) {
        String origin = ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build()
                .toUriString();
        return new DicomWebUrls(stripSlash(publicBase.apply(stripSlash(origin))) + SERVICE_PATH);
    }

    String study(String study) {
        return root + "/studies/" + study;
    }

    String series(String study, String series) {
        return study(study) + "/series/" + series;
    }

    String instance(String study, String series, String instance) {
        return series(study, series) + "/instances/" + instance;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
