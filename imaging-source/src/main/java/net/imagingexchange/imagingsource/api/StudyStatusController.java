// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.api;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import net.imagingexchange.imagingsource.index.StudyIndex;
import net.imagingexchange.imagingsource.publish.PublicationRecord;
import net.imagingexchange.imagingsource.publish.Publications;
import net.imagingexchange.imagingsource.publish.Publisher;

/**
 * The imaging source's status API for the hospital's IT team: every study received, whether it is published, held
 * (and why) or failing (and why, and when it is tried again), and a way to publish a study now.
 */
@RestController
@RequestMapping("/imaging-source/api/studies")
public class StudyStatusController {

    private final StudyIndex index;
    private final Publications publications;
    private final Publisher publisher;

    public StudyStatusController(StudyIndex index, Publications publications, Publisher publisher) {
        this.index = index;
        this.publications = publications;
        this.publisher = publisher;
    }

    /** The most recently received studies first. */
    @GetMapping
    public List<StudyStatus> studies(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be between 1 and 10000, was " + limit);
        }
        var statuses = new ArrayList<StudyStatus>();
        for (PublicationRecord publication : publications.list(limit)) {
            index.study(publication.studyInstanceUid()).ifPresent(study -> statuses.add(status(publication)));
        }
        return statuses;
    }

    @GetMapping("/{studyInstanceUid}")
    public StudyStatus study(@PathVariable String studyInstanceUid) {
        return status(publications.get(studyInstanceUid).orElseThrow(
                () -> new NoSuchElementException("no study " + studyInstanceUid + " was received")));
    }

    /**
     * Publishes the study now, without waiting for its quiet period: 200 when its manifest is registered, 409 when it
     * is held, 502 when the repository or registry refused it or could not be reached (retried later).
     */
    @PostMapping("/{studyInstanceUid}/publish")
    public ResponseEntity<StudyStatus> publish(@PathVariable String studyInstanceUid) {
        if (index.study(studyInstanceUid).isEmpty()) {
            throw new NoSuchElementException("no study " + studyInstanceUid + " was received");
        }
        publications.dueNow(studyInstanceUid);
        StudyStatus status = status(publisher.publish(studyInstanceUid));
        HttpStatus code = switch (status.state()) {
            case HELD -> HttpStatus.CONFLICT;
            case FAILED -> HttpStatus.BAD_GATEWAY;
            default -> HttpStatus.OK;
        };
        return ResponseEntity.status(code).body(status);
    }

    private StudyStatus status(PublicationRecord publication) {
        String uid = publication.studyInstanceUid();
        var study = index.study(uid).orElseThrow();
        return StudyStatus.of(study, publication, index.seriesOf(uid).size(), index.instancesOfStudy(uid).size());
    }

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail notFound(NoSuchElementException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
