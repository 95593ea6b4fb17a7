// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.dicomweb;


import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import net.imagingexchange.consumer.ProblemAnswers;
import net.imagingexchange.consumer.region.StudyCatalogue;

/**
 * Refused façade requests as RFC 9457 problem details, whatever the Accept header asked for; a region that cannot
 * answer (registry or repository down) is a 502 that names it.
 */
@RestControllerAdvice(assignableTypes = {FacadeSearch.class, FacadeRetrieve.class})
public class FacadeProblems {

    private static final Logger LOG = LoggerFactory.getLogger(FacadeProblems.class);

    /** A partial answer's 206 and its {@code Warning: 299} header (RFC 9111 5.5, PS3.18 10.4.3) saying why. */
    static void partial(HttpServletResponse response, String why) {
        response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
        response.setHeader(HttpHeaders.WARNING, "299 - \"" + why.replace('"', '\'') + "\"");
    }

    @ExceptionHandler(FacadeException.class)
    public ResponseEntity<ProblemDetail> refused(FacadeException e, HttpServletRequest request) {
        return problem(e.status(), e.getMessage(), request);
    }

    @ExceptionHandler(StudyCatalogue.RegionException.class)
    public ResponseEntity<ProblemDetail> regionUnavailable(StudyCatalogue.RegionException e,
                                                           HttpServletRequest request) {
        LOG.warn("the region did not answer a façade request: {}", e.getMessage());
        return problem(HttpStatus.BAD_GATEWAY, e.getMessage(), request);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail,
                                                         HttpServletRequest request) {
        LOG.info("consumer DICOMweb {} refused status={}", request.getMethod(), status.value());
        return ProblemAnswers.of(ProblemDetail.forStatusAndDetail(status, detail), request);
    }
}
