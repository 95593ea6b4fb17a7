// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The one place where refused DICOMweb and WADO-URI requests become HTTP answers: an RFC 9457 problem detail
 * ({@code application/problem+json}) whose detail says what was wrong, whatever the request's Accept header.
 */
@RestControllerAdvice(assignableTypes = {StowRsEndpoint.class, Rad107Endpoint.class, Rad55Endpoint.class})
public class DicomWebProblems {

    private static final Logger LOG = LoggerFactory.getLogger(DicomWebProblems.class);

    @ExceptionHandler(DicomWebException.class)
    public ResponseEntity<ProblemDetail> refused(DicomWebException e, HttpServletRequest request) {
        LOG.info("{} refused status={}", transaction(request), e.status().value());
        LOG.debug("{} refused: {}", transaction(request), e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setInstance(URI.create(request.getRequestURI()));
        // a preset Content-Type is written as is, without negotiation against an Accept of multipart/related
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The transaction a request is, for log lines (STYLE.md Logging: no UIDs at INFO). */
    static String transaction(HttpServletRequest request) {
        if (request.getRequestURI().contains(Rad55Endpoint.PATH)) {
            return "RAD-55 WADO-URI";
        }
        return "POST".equals(request.getMethod()) ? "STOW-RS" : "RAD-107 WADO-RS";
    }
}
