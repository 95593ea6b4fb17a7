// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.imagingexchange.consumer.region.RegionStudy;
import net.imagingexchange.consumer.region.StudyCatalogue;

/**
 * One attempt of a send job: retrieve from the region what is not spooled yet (the whole study the first time, then
 * only what the region did not give), deliver everything spooled, and end DONE, RETRYING after the destination's
 * backoff, or FAILED once its attempts are spent.
 */
public final class SendAttempt {

    private static final Logger LOG = LoggerFactory.getLogger(SendAttempt.class);

    private final SendJobs jobs;
    private final Destinations destinations;
    private final StudyCatalogue catalogue;
    private final SendSpool spool;
    private final Map<Destination.Type, Delivery> deliveries;
    private final InstancesTransferredAudit audit;
    private final Clock clock;

    public SendAttempt(SendJobs jobs, Destinations destinations, StudyCatalogue catalogue, SendSpool spool,
                       Map<Destination.Type, Delivery> deliveries, InstancesTransferredAudit audit, Clock clock) {
        this.jobs = jobs;
        this.destinations = destinations;
        this.catalogue = catalogue;
        this.spool = spool;
        this.deliveries = Map.copyOf(deliveries);
        this.audit = audit;
        this.clock = clock;
    }

    /** Runs the next attempt of {@code job} and returns the job as it ended. */
    public SendJob run(SendJob job) throws IOException {
        long start = System.nanoTime();
        SendJob current = jobs.save(job.started(clock.instant()));
        Optional<Destination> destination = destinations.find(current.destination());
        if (destination.isEmpty()) {
            return fail(current, "destination '" + current.destination() + "' is no longer configured; "
                    + "configured: " + destinations.names(), List.of());
        }
        var run = new Run(current, destination.get());
        SendJob ended;
        try {
            ended = run.attempt();
        } catch (IOException | RuntimeException e) {
            LOG.error("consumer send job={} attempt broke off", current.id(), e);
            ended = end(run.job, destination.get(), "the attempt broke off in this adapter: " + e,
                    run.job.failures());
        }
        LOG.info("consumer send job={} attempt={} state={} destination={} sent={} failed={} ms={}", ended.id(),
                ended.attempts(), ended.state(), ended.destination(), ended.sent(), ended.failures().size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        return ended;
    }

    /** The state of one attempt as it goes. */
    private final class Run implements Delivery.Progress {

        private final Destination destination;
        private final Map<String, Integer> sopClasses = new LinkedHashMap<>();
        private final List<InstanceFailure> failures = new ArrayList<>();
        private final Set<String> outcome = new HashSet<>();
        private SendJob job;

        Run(SendJob job, Destination destination) {
            this.job = job;
            this.destination = destination;
        }

        SendJob attempt() throws IOException {
            RegionStudy study;
            try {
                study = catalogue.study(job.studyInstanceUid()).orElse(null);
            } catch (StudyCatalogue.RegionException e) {
                return end(job, destination, "the region did not answer: " + e.getMessage(), job.failures());
            }
            if (study == null) {
                return fail(job, "the study no longer has an Approved manifest in the region", job.failures());
            }
            Path directory = jobs.instancesDirectory(job.id());
            List<InstanceFailure> notRetrieved = new ArrayList<>(spool.retrieve(study, wanted(study), directory));
            List<Path> files = jobs.instances(job.id());
            SendSpool.Pending pending = spool.pending(files, study.manifest());
            notRetrieved.addAll(pending.unreadable());
            job = jobs.save(job.retrievedAll(job.sent() + pending.instances().size(), notRetrieved,
                    clock.instant()));
            failures.addAll(notRetrieved);
            String error = null;
            try {
                deliveries.get(destination.type()).deliver(destination, pending.instances(), this);
            } catch (Delivery.DestinationException e) {
                List<SpooledInstance> unanswered = pending.instances().stream()
                        .filter(i -> !outcome.contains(i.sopInstanceUid())).toList();
                unanswered.forEach(i -> failures.add(failure(i, "", e.getMessage())));
                if (unanswered.isEmpty()) {
                    LOG.warn("consumer send job={}: every instance had its answer, then: {}", job.id(),
                            e.getMessage());
                } else {
                    error = e.getMessage();
                }
            }
            if (!pending.instances().isEmpty()) {
                audit.transferred(new InstancesTransferredAudit.Transfer(job, destination, study.patientCx(),
                        study.manifest().study().accessionNumber(), sopClasses,
                        pending.instances().size() - sopClasses.values().stream().mapToInt(Integer::intValue)
                                .sum()));
            }
            if (error == null && !failures.isEmpty()) {
                error = failures.size() + " of " + job.total() + " instances not delivered to "
                        + destination.describe() + "; first: " + failures.get(0).reason();
            }
            if (failures.isEmpty()) {
                jobs.deleteInstances(job.id());
            }
            return end(job, destination, error, failures);
        }

        /** The first time the whole study, then what the region did not give; less what is spooled already. */
        private Set<String> wanted(RegionStudy study) throws IOException {
            Set<String> wanted = new HashSet<>();
            if (!job.spooled()) {
                study.manifest().series().forEach(s -> s.instances().forEach(i -> wanted.add(i.sopInstanceUid())));
            } else {
                job.failures().stream().filter(f -> f.stage() == InstanceFailure.Stage.RETRIEVE)
                        .forEach(f -> wanted.add(f.sopInstanceUid()));
            }
            Path directory = jobs.instancesDirectory(job.id());
            wanted.removeIf(uid -> Files.exists(SendSpool.file(directory, uid)));
            return wanted;
        }

        @Override
        public void delivered(SpooledInstance instance) throws IOException {
            outcome.add(instance.sopInstanceUid());
            Files.deleteIfExists(instance.file());
            sopClasses.merge(instance.sopClassUid(), 1, Integer::sum);
            job = jobs.progress(job.withProgress(job.sent() + 1, clock.instant()));
        }

        @Override
        public void failed(SpooledInstance instance, String code, String reason) {
            outcome.add(instance.sopInstanceUid());
            failures.add(failure(instance, code, reason));
        }

        private InstanceFailure failure(SpooledInstance instance, String code, String reason) {
            return new InstanceFailure(instance.seriesInstanceUid(), instance.sopInstanceUid(),
                    InstanceFailure.Stage.SEND, code, reason);
        }
    }

    /** Ends the attempt: DONE without an error, else RETRYING after the backoff until the attempts are spent. */
    private SendJob end(SendJob job, Destination destination, String error, List<InstanceFailure> left)
            throws IOException {
        Instant now = clock.instant();
        if (error == null) {
            return jobs.save(job.ended(SendJob.State.DONE, null, null, List.of(), now));
        }
        if (job.attempts() >= destination.retry().maxAttempts()) {
            return fail(job, error, left);
        }
        Instant next = now.plus(destination.retry().delayAfter(job.attempts()));
        return jobs.save(job.ended(SendJob.State.RETRYING, next, error, left, now));
    }

    /** Ends the job FAILED: no attempt will follow, so the copies of the study it holds go. */
    private SendJob fail(SendJob job, String error, List<InstanceFailure> left) throws IOException {
        LOG.warn("consumer send job={} failed after {} attempts: {}", job.id(), job.attempts(), error);
        SendJob failed = jobs.save(job.ended(SendJob.State.FAILED, null, error, left, clock.instant()));
        jobs.deleteInstances(job.id());
        return failed;
    }
}
