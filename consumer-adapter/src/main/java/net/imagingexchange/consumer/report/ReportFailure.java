// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.report;

import java.net.URI;

import org.springframework.http.HttpStatus;

/** Why a report request was refused, and what each reason becomes on HTTP (RFC 9457 problem type and status). */
public enum ReportFailure {
    /** Not JSON, or JSON of the wrong shape. */
    UNREADABLE(HttpStatus.BAD_REQUEST),
    /** Required fields absent or blank: the detail lists every one. */
    MISSING_FIELDS(HttpStatus.BAD_REQUEST),
    /** A field with a value this API cannot take (a status other than final or preliminary, a malformed UID...). */
    INVALID_FIELD(HttpStatus.BAD_REQUEST),
    /**
     * The study has no Approved manifest for that patient in the region, or the accession number is not the
     * study's: the request is well-formed but cannot be linked to a study, so 422 rather than 404 (the resource
     * {@code /consumer/api/reports} exists).
     */
    UNKNOWN_STUDY(HttpStatus.UNPROCESSABLE_ENTITY),
    /** The report named by {@code replaces} is not the study's current report from this site. */
    NOT_CURRENT(HttpStatus.CONFLICT),
    /** A first report for a study that already has one from this site: a correction must name it in replaces. */
    ALREADY_REPORTED(HttpStatus.CONFLICT),
    /** No such report for that study and patient. */
    UNKNOWN_REPORT(HttpStatus.NOT_FOUND),
    /** The registry or repository refused or answered with errors. */
    REFUSED_BY_REGION(HttpStatus.BAD_GATEWAY),
    /** The registry or repository did not answer. */
    REGION_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
    /** This adapter could not write or keep a document (its disk). */
    NOT_WRITTEN(HttpStatus.INTERNAL_SERVER_ERROR);

    private final HttpStatus status;

    ReportFailure(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    /** The problem type: a stable URI per failure. */
    public URI type() {
        return URI.create("urn:imagingexchange:consumer:reports:" + name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', '-'));
    }
}
