// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The send jobs, each a JSON file {@code <id>.json} in the send directory beside the directory {@code <id>/} of the
 * instances it has retrieved and not delivered yet. A file is replaced atomically at each change of state (and at
 * most every second for progress), so that after a restart unfinished jobs resume where their files say; a
 * delivered instance's file is deleted at once, so none is sent twice unless the process stops between the
 * destination's answer and the deletion.
 */
public final class SendJobs {

    private static final Logger LOG = LoggerFactory.getLogger(SendJobs.class);
    private static final Duration PROGRESS_WRITES = Duration.ofSeconds(1);

    private final Path directory;
    private final Duration keepFinished;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Map<String, SendJob> jobs = new ConcurrentHashMap<>();
    private final Map<String, Instant> written = new ConcurrentHashMap<>();

    /**
     * Loads the jobs found in {@code directory}: finished ones older than {@code keepFinished} are deleted, a job
     * that was RUNNING is QUEUED again with its counts taken from what its directory still holds.
     */
    public SendJobs(Path directory, Duration keepFinished, Clock clock) throws IOException {
        this.directory = Files.createDirectories(directory);
        this.keepFinished = keepFinished;
        this.clock = clock;
        try (var files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                load(file);
            }
        }
    }

    /**
     * Forgets the DONE and FAILED jobs older than {@code keepFinished}: their files and what they had spooled.
     *
     * @return how many were forgotten.
     */
    public int pruneFinished() throws IOException {
        int pruned = 0;
        for (SendJob job : List.copyOf(jobs.values())) {
            if (old(job)) {
                forget(job.id());
                pruned++;
            }
        }
        return pruned;
    }

    private boolean old(SendJob job) {
        return job.state().finished() && job.updated().plus(keepFinished).isBefore(clock.instant());
    }

    private void forget(String id) throws IOException {
        Files.deleteIfExists(file(id));
        deleteInstances(id);
        jobs.remove(id);
        written.remove(id);
    }

    private void load(Path file) throws IOException {
        SendJob job;
        try {
            job = json.readValue(file.toFile(), SendJob.class);
        } catch (IOException e) {
            LOG.warn("send job file {} unreadable, left aside: {}", file, e.getMessage());
            Files.move(file, file.resolveSibling(file.getFileName() + ".unreadable"),
                    StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        if (job.state().finished()) {
            if (old(job)) {
                forget(job.id());
            } else {
                jobs.put(job.id(), job);
            }
            return;
        }
        int waiting = instances(job.id()).size();
        SendJob resumed = job.stage() == InstanceFailure.Stage.SEND
                ? job.resumed(job.retrieved(), Math.max(0, job.retrieved() - waiting), clock.instant())
                : job.resumed(job.sent() + waiting, job.sent(), clock.instant());
        save(resumed);
    }

    /** Keeps a job's new state, on disk before this returns. */
    public SendJob save(SendJob job) throws IOException {
        Path temporary = Files.createTempFile(directory, job.id(), ".tmp");
        try {
            json.writeValue(temporary.toFile(), job);
            Files.move(temporary, file(job.id()), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        jobs.put(job.id(), job);
        written.put(job.id(), clock.instant());
        return job;
    }

    /** Keeps a job's progress: in memory at once, on disk at most every second. */
    public SendJob progress(SendJob job) throws IOException {
        Instant last = written.get(job.id());
        if (last == null || !last.plus(PROGRESS_WRITES).isAfter(clock.instant())) {
            return save(job);
        }
        jobs.put(job.id(), job);
        return job;
    }

    public Optional<SendJob> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** Every job, or those of one study when {@code studyInstanceUid} is not null; newest first. */
    public List<SendJob> list(String studyInstanceUid) {
        List<SendJob> found = new ArrayList<>(jobs.values().stream()
                .filter(j -> studyInstanceUid == null || j.studyInstanceUid().equals(studyInstanceUid)).toList());
        found.sort(Comparator.comparing(SendJob::created).reversed().thenComparing(SendJob::id));
        return found;
    }

    /** Jobs not DONE or FAILED. */
    public List<SendJob> unfinished() {
        return jobs.values().stream().filter(j -> !j.state().finished()).toList();
    }

    /** The directory of the instances a job has retrieved and not delivered yet. */
    public Path instancesDirectory(String id) throws IOException {
        return Files.createDirectories(directory.resolve(id));
    }

    /** The instances waiting in a job's directory, by name. */
    public List<Path> instances(String id) throws IOException {
        Path dir = directory.resolve(id);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SendSpool.SUFFIX)).sorted().toList();
        }
    }

    /** Removes a job's directory and what it holds. */
    public void deleteInstances(String id) throws IOException {
        Path dir = directory.resolve(id);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(dir);
    }

    private Path file(String id) {
        return directory.resolve(id + ".json");
    }
}
