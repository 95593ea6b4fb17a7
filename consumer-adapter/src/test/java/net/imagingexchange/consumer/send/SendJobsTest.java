// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Send jobs outlive the process: a restart finds them, resumes the unfinished ones and forgets old finished ones. */
class SendJobsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T03:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aJobInterruptedWhileSendingIsQueuedAgainWithItsCountsTakenFromWhatIsStillSpooled() throws Exception {
        var jobs = new SendJobs(dir, Duration.ofDays(7), CLOCK);
        var failure = new InstanceFailure("1.2.3.1", "1.2.3.1.5", InstanceFailure.Stage.RETRIEVE, "", "gone");
        SendJob running = SendJob.queued("job-1", "1.2.3", "pacs", 5, NOW).started(NOW)
                .retrievedAll(4, List.of(failure), NOW);
        jobs.save(running.withProgress(1, NOW));
        Path spooled = jobs.instancesDirectory("job-1");
        Files.writeString(spooled.resolve("1.2.3.1.3.dcm"), "not sent yet");
        Files.writeString(spooled.resolve("1.2.3.1.4.dcm"), "not sent yet");

        var restarted = new SendJobs(dir, Duration.ofDays(7), CLOCK);

        SendJob resumed = restarted.find("job-1").orElseThrow();
        assertThat(resumed.state()).isEqualTo(SendJob.State.QUEUED);
        assertThat(resumed.attempts()).isEqualTo(1);
        assertThat(resumed.retrieved()).isEqualTo(4);
        assertThat(resumed.sent()).isEqualTo(2);
        assertThat(resumed.spooled()).isTrue();
        assertThat(resumed.failures()).containsExactly(failure);
        assertThat(restarted.unfinished()).containsExactly(resumed);
        assertThat(restarted.instances("job-1")).hasSize(2);
    }

    @Test
    void aRetryingJobKeepsItsNextAttemptAndAFinishedOneIsListedUntilItIsOld() throws Exception {
        var jobs = new SendJobs(dir, Duration.ofDays(7), CLOCK);
        Instant next = NOW.plusSeconds(60);
        jobs.save(SendJob.queued("retrying", "1.2.3", "pacs", 1, NOW).started(NOW)
                .ended(SendJob.State.RETRYING, next, "'pacs' could not be reached", List.of(), NOW));
        jobs.save(SendJob.queued("recent", "1.2.4", "pacs", 1, NOW).ended(SendJob.State.DONE, null, null,
                List.of(), NOW.minus(Duration.ofDays(1))));
        jobs.save(SendJob.queued("old", "1.2.5", "pacs", 1, NOW).ended(SendJob.State.FAILED, null, "no",
                List.of(), NOW.minus(Duration.ofDays(8))));

        var restarted = new SendJobs(dir, Duration.ofDays(7), CLOCK);

        assertThat(restarted.find("retrying").orElseThrow().nextAttempt()).isEqualTo(next);
        assertThat(restarted.find("retrying").orElseThrow().state()).isEqualTo(SendJob.State.RETRYING);
        assertThat(restarted.find("recent")).isPresent();
        assertThat(restarted.find("old")).isEmpty();
        assertThat(dir.resolve("old.json")).doesNotExist();
        assertThat(restarted.list("1.2.3")).extracting(SendJob::id).containsExactly("retrying");
    }

    @Test
    void aFinishedJobIsForgottenOnceOldWhileTheProcessRuns() throws Exception {
        Instant[] now = {NOW};
        var clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        var jobs = new SendJobs(dir, Duration.ofDays(7), clock);
        jobs.save(SendJob.queued("done", "1.2.3", "pacs", 1, NOW).ended(SendJob.State.DONE, null, null, List.of(),
                NOW));
        jobs.save(SendJob.queued("retrying", "1.2.4", "pacs", 1, NOW).started(NOW)
                .ended(SendJob.State.RETRYING, NOW.plusSeconds(60), "down", List.of(), NOW));
        Files.writeString(jobs.instancesDirectory("done").resolve("1.2.3.1.1.dcm"), "left over");

        assertThat(jobs.pruneFinished()).isZero();
        now[0] = NOW.plus(Duration.ofDays(8));

        assertThat(jobs.pruneFinished()).isEqualTo(1);
        assertThat(jobs.find("done")).isEmpty();
        assertThat(dir.resolve("done.json")).doesNotExist();
        assertThat(dir.resolve("done")).doesNotExist();
        assertThat(jobs.find("retrying")).isPresent(); // unfinished: kept however old
    }

    @Test
    void anUnreadableJobFileIsLeftAsideNotFatal() throws Exception {
        Files.writeString(dir.resolve("broken.json"), "{not json");

        var jobs = new SendJobs(dir, Duration.ofDays(7), CLOCK);

        assertThat(jobs.list(null)).isEmpty();
        assertThat(dir.resolve("broken.json.unreadable")).exists();
    }
}
