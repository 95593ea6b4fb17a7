// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb.qido;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * A search request this source refuses, with the HTTP status and RFC 9457 problem type it is answered with
 * (PS3.18 10.6.3: 400 for an invalid query parameter, 406 for a media type it cannot answer in).
 */
public final class InvalidSearchException extends Exception {

    /** Problem type of a query parameter or path segment that breaks PS3.18 8.3.4 or this source's limits. */
    public static final URI INVALID_PARAMETER =
            URI.create("https://imagingexchange.net/problems/qido/invalid-parameter");
    /** Problem type of an Accept header or {@code accept} parameter naming no type this source answers in. */
    public static final URI NOT_ACCEPTABLE = URI.create("https://imagingexchange.net/problems/qido/not-acceptable");

    private final HttpStatus status;
    private final URI type;
    private final String parameter;

    private InvalidSearchException(HttpStatus status, URI type, String parameter, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.parameter = parameter;
    }

    /** 400: {@code parameter} (a query parameter's name, or a path segment) is wrong, as {@code detail} says. */
    public static InvalidSearchException invalid(String parameter, String detail) {
        return new InvalidSearchException(HttpStatus.BAD_REQUEST, INVALID_PARAMETER, parameter, detail);
    }

    /** 406: no acceptable media type is one this source answers in. */
    public static InvalidSearchException notAcceptable(String parameter, String detail) {
        return new InvalidSearchException(HttpStatus.NOT_ACCEPTABLE, NOT_ACCEPTABLE, parameter, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return type;
    }

    /** The query parameter or path segment at fault. */
    public String parameter() {
        return parameter;
    }
}
