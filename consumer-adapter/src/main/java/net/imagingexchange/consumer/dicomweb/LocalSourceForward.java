// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.dicomweb;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;

/**
 * A WADO-RS request for an imaging source this exchange hosts ({@code local}), answered in-process: the client's
 * request is forwarded to the source's own servlet path, with the façade's Accept header, and the source writes its
 * answer straight to the client. The bytes cross no loopback socket and no second request stack (docs/decisions/0014).
 */
final class LocalSourceForward {

    private LocalSourceForward() {
    }

    /**
     * What the source did with the request.
     *
     * @param answered whether its multipart 200 / 206 went to the client; if not, the client's response is untouched.
     * @param status   its status.
     * @param warning  its Warning header, if any.
     */
    record Outcome(boolean answered, int status, Optional<String> warning) {
    }

    /**
     * @param path   the resource's path in this servlet context ({@code ImagingSources.localPath}).
     * @param accept the Accept header the source is to see.
     * @throws IOException the answer failed once it had begun (the source broke off, or the client went away): it
     *                     must be aborted.
     */
    static Outcome forward(HttpServletRequest request, HttpServletResponse response, String path, String accept)
            throws IOException {
        var held = new HeldResponse(response);
        try {
            request.getRequestDispatcher(path).forward(new Accepting(request, accept), held);
        } catch (ServletException e) {
            if (Boolean.TRUE.equals(held.passed())) {
                throw new IOException("the local imaging source failed during its answer: " + e.getMessage(), e);
            }
            return new Outcome(false, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, Optional.empty());
        }
        return Boolean.TRUE.equals(held.passed())
                ? new Outcome(true, response.getStatus(), Optional.ofNullable(response.getHeader(HttpHeaders.WARNING)))
                : new Outcome(false, held.getStatus(), Optional.empty());
    }

    /** The client's request with the façade's Accept header. */
    private static final class Accepting extends HttpServletRequestWrapper {

        private final String accept;

        Accepting(HttpServletRequest request, String accept) {
            super(request);
            this.accept = accept;
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? accept : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(accept))
                    : super.getHeaders(name);
        }
    }
}
