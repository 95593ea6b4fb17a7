// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import org.springframework.http.HttpStatus;

/**
 * A DICOMweb or WADO-URI request refused before any of its answer was written; {@link DicomWebProblems} turns it
 * into an RFC 9457 problem detail with {@link #status()}.
 */
public final class DicomWebException extends RuntimeException {

    private final HttpStatus status;

    public DicomWebException(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    static DicomWebException badRequest(String detail) {
        return new DicomWebException(HttpStatus.BAD_REQUEST, detail);
    }

    static DicomWebException notFound(String detail) {
        return new DicomWebException(HttpStatus.NOT_FOUND, detail);
    }

    static DicomWebException notAcceptable(String detail) {
        return new DicomWebException(HttpStatus.NOT_ACCEPTABLE, detail);
    }
}
