// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * How every refusal of the consumer's HTTP APIs is answered: an RFC 9457 problem detail naming the request, sent as
 * {@code application/problem+json} whatever the request's Accept asked for (a preset Content-Type is not negotiated).
 */
public final class ProblemAnswers {

    private ProblemAnswers() {
    }

    public static ResponseEntity<ProblemDetail> of(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
