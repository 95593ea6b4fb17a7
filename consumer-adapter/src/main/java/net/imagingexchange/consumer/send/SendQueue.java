// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs send jobs on a few threads of their own: a new job at once, a RETRYING one at its next attempt. Started
 * after the web server (the region may be this very process), it resumes the unfinished jobs {@link SendJobs}
 * found on disk.
 */
public final class SendQueue implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SendQueue.class);
    /** After an attempt that could not even record its end (the send directory failing). */
    private static final Duration AFTER_BREAKDOWN = Duration.ofMinutes(1);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final SendJobs jobs;
    private final SendAttempt attempt;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private volatile boolean running;

    public SendQueue(SendJobs jobs, SendAttempt attempt, int workers, Clock clock) {
        this.jobs = jobs;
        this.attempt = attempt;
        this.clock = clock;
        this.executor = Executors.newScheduledThreadPool(workers, threads());
    }

    /** Runs a new job's first attempt as soon as a worker is free. */
    public void submit(SendJob job) {
        schedule(job.id(), Duration.ZERO);
    }

    @Override
    public void start() {
        running = true;
        for (SendJob job : jobs.unfinished()) {
            Duration wait = job.nextAttempt() == null ? Duration.ZERO
                    : Duration.between(clock.instant(), job.nextAttempt());
            schedule(job.id(), wait.isNegative() ? Duration.ZERO : wait);
        }
        if (!jobs.unfinished().isEmpty()) {
            LOG.info("consumer send resumed jobs={}", jobs.unfinished().size());
        }
        executor.scheduleWithFixedDelay(this::prune, PRUNE_EVERY.toMinutes(), PRUNE_EVERY.toMinutes(),
                TimeUnit.MINUTES);
    }

    /** Old finished jobs go while the process runs, not only at its next start (consumer.send.keep-finished). */
    private void prune() {
        try {
            int pruned = jobs.pruneFinished();
            if (pruned > 0) {
                LOG.info("consumer send forgot finished jobs={}", pruned);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("consumer send could not forget old finished jobs: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        running = false;
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("consumer send workers still busy at shutdown; their jobs resume at the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void schedule(String id, Duration wait) {
        if (executor.isShutdown()) {
            return; // the job resumes at the next start
        }
        executor.schedule(() -> run(id), wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run(String id) {
        SendJob job = jobs.find(id).orElse(null);
        if (job == null || job.state().finished()) {
            return;
        }
        try {
            SendJob ended = attempt.run(job);
            if (ended.state() == SendJob.State.RETRYING) {
                schedule(id, Duration.between(clock.instant(), ended.nextAttempt()));
            }
        } catch (Exception e) {
            LOG.error("consumer send job={} could not record its attempt; trying again in {}", id, AFTER_BREAKDOWN,
                    e);
            schedule(id, AFTER_BREAKDOWN);
        }
    }

    private static ThreadFactory threads() {
        var count = new AtomicInteger();
        return task -> {
            var thread = new Thread(task, "consumer-send-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
