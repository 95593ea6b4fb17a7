// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.dicomweb;

import org.springframework.http.HttpStatus;

/** A façade request refused: its HTTP status and a detail that says what to do (RFC 9457). */
public final class FacadeException extends RuntimeException {

    private final HttpStatus status;

    public FacadeException(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
