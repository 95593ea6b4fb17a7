// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.dicomweb;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The URLs of the façade's resources as its clients reach it: {@code <origin>/consumer/dicomweb/studies/...}, the
 * origin being the configured public URL or the request's own.
 *
 * @param root the service root, without a trailing slash.
 */
public record FacadeUrls(String root) {

    /** DESIGN.md 4: the consumer adapter's DICOMweb façade. */
    public static final String SERVICE_PATH = "/consumer/dicomweb";

    public static FacadeUrls of(String configuredBaseUrl, HttpServletRequest request) {
        String origin = configuredBaseUrl.isBlank()
                ? ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString()
                : configuredBaseUrl;
        return new FacadeUrls(origin.replaceAll("/+$", "") + SERVICE_PATH);
    }

    public String study(String study) {
        return root + "/studies/" + study;
    }

    public String series(String study, String series) {
        return study(study) + "/series/" + series;
    }

    public String instance(String study, String series, String instance) {
        return series(study, series) + "/instances/" + instance;
    }
}
