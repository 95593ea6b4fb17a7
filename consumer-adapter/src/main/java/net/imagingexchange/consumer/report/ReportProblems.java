// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.report;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import net.imagingexchange.consumer.ProblemAnswers;

/**
 * The one place where refused report requests become HTTP answers: an RFC 9457 problem detail
 * ({@code application/problem+json}) with a type per {@link ReportFailure}, and the fields at fault under
 * {@code fields}. Details never repeat the report's text.
 */
@RestControllerAdvice(assignableTypes = ReportController.class)
public class ReportProblems {

    private static final Logger LOG = LoggerFactory.getLogger(ReportProblems.class);

    @ExceptionHandler(ReportException.class)
    public ResponseEntity<ProblemDetail> refused(ReportException e, HttpServletRequest request) {
        if (e.failure().status().is5xxServerError()) {
            LOG.warn("report API {} failed: {} {}", request.getMethod(), e.failure(), e.getMessage());
        } else {
            LOG.info("report API {} refused: {}", request.getMethod(), e.failure());
        }
        return problem(e.failure(), e.getMessage(), e.fields(), request);
    }

    /** Not JSON, or JSON whose values have the wrong type: the detail says where, not what was sent. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        LOG.info("report API {} refused: {}", request.getMethod(), ReportFailure.UNREADABLE);
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof JsonParseException parse) {
            var at = parse.getLocation();
            return problem(ReportFailure.UNREADABLE, "the body is not valid JSON (line " + at.getLineNr()
                    + ", column " + at.getColumnNr() + ")", List.of(), request);
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return problem(ReportFailure.UNREADABLE, "field " + field + " has a value of the wrong type",
                    List.of(field), request);
        }
        return problem(ReportFailure.UNREADABLE, "the body is not a JSON report object", List.of(), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e,
                                                          HttpServletRequest request) {
        return problem(ReportFailure.MISSING_FIELDS, "parameter " + e.getParameterName() + " is required",
                List.of(e.getParameterName()), request);
    }

    private static ResponseEntity<ProblemDetail> problem(ReportFailure failure, String detail, List<String> fields,
                                                         HttpServletRequest request) {
        HttpStatus status = failure.status();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(failure.type());
        if (!fields.isEmpty()) {
            problem.setProperty("fields", fields);
        }
        return ProblemAnswers.of(problem, request);
    }
}
