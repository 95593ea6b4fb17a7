// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;


import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import net.imagingexchange.consumer.ProblemAnswers;
import net.imagingexchange.consumer.region.StudyCatalogue;

/** Refused send requests as RFC 9457 problem details; a region that cannot answer is a 502 that names it. */
@RestControllerAdvice(assignableTypes = SendEndpoint.class)
public class SendProblems {

    private static final Logger LOG = LoggerFactory.getLogger(SendProblems.class);

    @ExceptionHandler(SendException.class)
    public ResponseEntity<ProblemDetail> refused(SendException e, HttpServletRequest request) {
        return problem(e.status(), e.getMessage(), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "the body must be a JSON object such as {\"destination\": \"pacs\"}",
                request);
    }

    @ExceptionHandler(StudyCatalogue.RegionException.class)
    public ResponseEntity<ProblemDetail> regionUnavailable(StudyCatalogue.RegionException e,
                                                           HttpServletRequest request) {
        LOG.warn("the region did not answer a send request: {}", e.getMessage());
        return problem(HttpStatus.BAD_GATEWAY, e.getMessage(), request);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail,
                                                         HttpServletRequest request) {
        LOG.info("consumer send {} refused status={}", request.getMethod(), status.value());
        return ProblemAnswers.of(ProblemDetail.forStatusAndDetail(status, detail), request);
    }
}
