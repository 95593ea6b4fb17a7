// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import net.imagingexchange.consumer.region.RegionStudy;
import net.imagingexchange.consumer.region.StudyCatalogue;
import net.imagingexchange.dicom.Uids;

/**
 * Push to the reading PACS: {@code POST /consumer/api/studies/{study}/send} queues a job that retrieves the study
 * from the region and delivers it to a destination (C-STORE or STOW-RS); {@code /consumer/api/sends} shows the
 * jobs, their progress and each instance not delivered.
 */
@RestController
public class SendEndpoint {

    static final String JOBS_PATH = "/consumer/api/sends";

    private static final Logger LOG = LoggerFactory.getLogger(SendEndpoint.class);

    private final StudyCatalogue catalogue;
    private final Destinations destinations;
    private final SendJobs jobs;
    private final SendQueue queue;
    private final Clock clock;

    public SendEndpoint(StudyCatalogue catalogue, Destinations destinations, SendJobs jobs, SendQueue queue,
                        Clock clock) {
        this.catalogue = catalogue;
        this.destinations = destinations;
        this.jobs = jobs;
        this.queue = queue;
        this.clock = clock;
    }

    /** The optional body of a send request. */
    public record SendRequest(String destination) {
    }

    /**
     * Queues the study for the named destination ({@code ?destination=} or the body's), else the default one. An
     * unfinished job of the same study and destination is answered instead of a second one.
     */
    @PostMapping("/consumer/api/studies/{study}/send")
    public ResponseEntity<SendJobView> send(@PathVariable String study,
                                            @RequestParam(required = false) String destination,
                                            @RequestBody(required = false) SendRequest body)
            throws IOException, StudyCatalogue.RegionException {
        if (!Uids.isUid(study)) {
            throw new SendException(HttpStatus.BAD_REQUEST, "\"" + study + "\" is not a Study Instance UID");
        }
        Destination target = destination(destination, body == null ? null : body.destination());
        RegionStudy found = catalogue.study(study).orElseThrow(() -> new SendException(HttpStatus.NOT_FOUND,
                "study " + study + " has no manifest this site has found in the region: search for it first "
                        + "(QIDO-RS /consumer/dicomweb/studies?PatientID=<regional patient ID>)"));
        Optional<SendJob> running = jobs.list(study).stream()
                .filter(j -> !j.state().finished() && j.destination().equals(target.name())).findFirst();
        SendJob job;
        if (running.isPresent()) {
            job = running.get();
        } else {
            job = jobs.save(SendJob.queued(UUID.randomUUID().toString(), study, target.name(),
                    found.manifest().instanceCount(), clock.instant()));
            queue.submit(job);
            LOG.info("consumer send queued job={} destination={} instances={}", job.id(), target.name(),
                    job.total());
        }
        return ResponseEntity.accepted().location(URI.create(JOBS_PATH + "/" + job.id()))
                .body(SendJobView.of(job));
    }

    @GetMapping(JOBS_PATH + "/{id}")
    public SendJobView job(@PathVariable String id) {
        return jobs.find(id).map(SendJobView::of).orElseThrow(() -> new SendException(HttpStatus.NOT_FOUND,
                "no send job " + id + " (finished jobs are kept for consumer.send.keep-finished)"));
    }

    /** The jobs, newest first; those of one study with {@code ?studyInstanceUid=}. */
    @GetMapping(JOBS_PATH)
    public List<SendJobView> jobs(@RequestParam(required = false) String studyInstanceUid) {
        return jobs.list(studyInstanceUid).stream().map(SendJobView::of).toList();
    }

    private Destination destination(String inQuery, String inBody) {
        if (inQuery != null && inBody != null && !inQuery.equals(inBody)) {
            throw new SendException(HttpStatus.BAD_REQUEST, "the query names destination " + inQuery
                    + " and the body " + inBody + ": name one");
        }
        String name = inQuery != null ? inQuery : inBody;
        List<String> names = destinations.names();
        if (names.isEmpty()) {
            throw new SendException(HttpStatus.CONFLICT, "no destination is configured: add one under "
                    + "consumer.send.destinations (a DICOM node or a STOW-RS server)");
        }
        if (name == null || name.isBlank()) {
            return destinations.defaultDestination().orElseThrow(() -> new SendException(HttpStatus.BAD_REQUEST,
                    "no default destination (consumer.send.default-destination): name one of " + names
                            + " with ?destination="));
        }
        return destinations.find(name).orElseThrow(() -> new SendException(HttpStatus.BAD_REQUEST,
                "unknown destination " + name + "; configured: " + names));
    }
}
