// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;

import org.springframework.http.HttpStatus;

/** A send request refused: its HTTP status and a detail that says what to do (RFC 9457). */
public final class SendException extends RuntimeException {

    private final HttpStatus status;

    public SendException(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
