// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.imagingexchange.dicom.Uids;
import net.imagingexchange.imagingsource.identity.PatientIdentities;
import net.imagingexchange.imagingsource.identity.RegionalPatientId;
import net.imagingexchange.imagingsource.index.StudyIndex;
import net.imagingexchange.imagingsource.index.StudyLocks;
import net.imagingexchange.imagingsource.index.StudySnapshot;
import net.imagingexchange.xds.soap.PeerUnavailableException;
import net.imagingexchange.xds.soap.ProvideAndRegisterClient;

/**
 * Publishes a study: maps its patient to the region, writes its manifest, sends RAD-68, and records the outcome
 * (RAD TF-2 4.68.4.1.1). A later manifest of the same study replaces the current one (RPLC, spec/xdsi.md 1.6).
 * <p>
 * Nothing is lost and nothing is published twice: a manifest is recorded as pending before it is sent; when no
 * clear answer came back (a crash, a lost connection), the registry is asked (ITI-18 GetDocuments) before anything
 * else: a manifest it holds is the current one; one it does not hold is sent again as it was.
 */
public final class Publisher {

    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

    private final StudyIndex index;
    private final Publications publications;
    private final PatientIdentities identities;
    private final ManifestFactory manifests;
    private final ProvideAndRegisterClient repository;
    private final RegistryQueryClient registry;
    private final Path manifestsDirectory;
    private final Clock clock;
    private final Backoff backoff;
    private final StudyLocks publishing = new StudyLocks();

    /** Waits between failed attempts: doubled from {@code first} up to {@code longest}. */
    public record Backoff(Duration first, Duration longest) {

        Duration after(int failedAttempts) {
            Duration delay = first.multipliedBy(1L << Math.min(failedAttempts, 20));
            return delay.compareTo(longest) > 0 ? longest : delay;
        }
    }

    public Publisher(StudyIndex index, Publications publications, PatientIdentities identities,
                     ManifestFactory manifests, ProvideAndRegisterClient repository, RegistryQueryClient registry,
                     Path manifestsDirectory, Clock clock, Backoff backoff) throws IOException {
        this.index = index;
        this.publications = publications;
        this.identities = identities;
        this.manifests = manifests;
        this.repository = repository;
        this.registry = registry;
        this.manifestsDirectory = Files.createDirectories(manifestsDirectory);
        this.clock = clock;
        this.backoff = backoff;
    }

    /**
     * Publishes what changed in a study since its manifest; does nothing when nothing did.
     *
     * @return the publication as it stands afterwards.
     * @throws NoSuchElementException no such study.
     */
    public PublicationRecord publish(String studyInstanceUid) {
        var lock = publishing.of(studyInstanceUid);
        lock.lock();
        try {
            StudySnapshot snapshot = index.snapshot(studyInstanceUid).orElseThrow(
                    () -> new NoSuchElementException("no study " + studyInstanceUid));
            PublicationRecord record = publications.get(studyInstanceUid).orElseThrow();
            long revision = snapshot.study().contentRevision();
            if (revision <= record.publishedRevision() && record.pending() == null) {
                return record;
            }
            long now = clock.millis();
            var resolution = identities.resolve(snapshot.study().patient());
            if (resolution instanceof PatientIdentities.Unmapped unmapped) {
                LOG.warn("study {} held: {}", studyInstanceUid, unmapped.reason());
                publications.held(studyInstanceUid, unmapped.reason(), now + backoff.longest().toMillis());
                return current(studyInstanceUid);
            }
            RegionalPatientId patient = ((PatientIdentities.Mapped) resolution).id();
            String replaced = record.manifestEntryUuid().isEmpty() ? null : record.manifestEntryUuid();
            if (record.pending() != null) {
                var pending = settle(snapshot, patient, record, replaced);
                if (pending.isEmpty()) {
                    return current(studyInstanceUid);
                }
                replaced = pending.get();
                if (record.pending().revision() == revision) {
                    return current(studyInstanceUid);
                }
            }
            var manifest = new PublicationRecord.Manifest(Uids.random(), "urn:uuid:" + UUID.randomUUID(), revision);
            try {
                manifests.writeKos(snapshot, manifest, ZonedDateTime.now(clock), kosFile(manifest));
            } catch (IOException e) {
                failed(record, "the manifest could not be written: " + e, false);
                return current(studyInstanceUid);
            }
            publications.pending(studyInstanceUid, manifest);
            send(snapshot, patient, manifest, replaced, publications.get(studyInstanceUid).orElseThrow());
            return current(studyInstanceUid);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Settles a manifest sent without a clear answer: the registry is asked whether it holds it; if it does, it is
     * the current manifest; if not, it is sent again as it was.
     *
     * @return its entryUUID once registered; empty when it is not (yet), the outcome recorded.
     */
    private Optional<String> settle(StudySnapshot snapshot, RegionalPatientId patient, PublicationRecord record,
                                    String replaced) {
        PublicationRecord.Manifest pending = record.pending();
        Optional<String> registered;
        try {
            registered = registry.registeredEntry(pending.uid());
        } catch (PeerUnavailableException e) {
            failed(record, "the registry cannot say whether manifest " + pending.uid() + " was registered: "
                    + e.getMessage(), true);
            return Optional.empty();
        }
        if (registered.isPresent()) {
            var manifest = new PublicationRecord.Manifest(pending.uid(), registered.get(), pending.revision());
            publications.published(record.studyInstanceUid(), manifest, patient.cx(), clock.millis());
            LOG.info("manifest {} of study {} was registered though its answer was lost", pending.uid(),
                    record.studyInstanceUid());
            return registered;
        }
        return send(snapshot, patient, pending, replaced, record) ? Optional.of(pending.entryUuid())
                : Optional.empty();
    }

    /** Sends one manifest and records the outcome; true when it is registered. */
    private boolean send(StudySnapshot snapshot, RegionalPatientId patient, PublicationRecord.Manifest manifest,
                         String replaced, PublicationRecord record) {
        String study = snapshot.study().studyInstanceUid();
        Path kos = kosFile(manifest);
        if (!Files.isRegularFile(kos)) {
            failed(record, "the manifest " + manifest.uid() + " to send again is missing (" + kos + ")", false);
            return false;
        }
        String submissionSet = submissionSetUid(manifest);
        long started = System.nanoTime();
        ProvideAndRegisterClient.Answer answer;
        try {
            var request = manifests.request(snapshot, patient, manifest, submissionSet, kos, replaced,
                    ZonedDateTime.now(clock));
            answer = repository.send(request);
        } catch (IllegalArgumentException e) {
            // the study cannot be described with this site's settings (an issuer that is no OID, and no local one)
            LOG.warn("study {} held: {}", study, e.getMessage());
            publications.held(study, e.getMessage(), clock.millis() + backoff.longest().toMillis());
            return false;
        } catch (PeerUnavailableException e) {
            failed(record, "RAD-68 to " + e.getMessage(), e.mayHaveArrived());
            return false;
        } catch (RuntimeException e) {
            failed(record, "RAD-68 could not be sent: " + e, false);
            return false;
        }
        if (!answer.success() && !answer.alreadyRegistered(submissionSet)) {
            failed(record, "RAD-68 to " + repository.url() + " answered " + answer.describe(), false);
            return false;
        }
        publications.published(study, manifest, patient.cx(), clock.millis());
        LOG.info("published manifest {} of study {} ({} instances{}) in {} ms", manifest.uid(), study,
                snapshot.instances().size(), replaced == null ? "" : ", replacing " + replaced,
                (System.nanoTime() - started) / 1_000_000);
        if (!record.manifestUid().isEmpty() && !record.manifestUid().equals(manifest.uid())) {
            try {
                Files.deleteIfExists(manifestsDirectory.resolve(record.manifestUid() + ".dcm")); // replaced
            } catch (IOException e) {
                LOG.warn("could not delete the replaced manifest {}: {}", record.manifestUid(), e.toString());
            }
        }
        return true;
    }

    private void failed(PublicationRecord record, String reason, boolean mayHaveArrived) {
        long retryAt = clock.millis() + backoff.after(record.attempts()).toMillis();
        LOG.warn("publication of study {} failed (attempt {}), retried in {} s: {}", record.studyInstanceUid(),
                record.attempts() + 1, (retryAt - clock.millis()) / 1000, reason);
        publications.failed(record.studyInstanceUid(), reason, retryAt, mayHaveArrived);
    }

    private PublicationRecord current(String studyInstanceUid) {
        return publications.get(studyInstanceUid).orElseThrow();
    }

    private Path kosFile(PublicationRecord.Manifest manifest) {
        return manifestsDirectory.resolve(manifest.uid() + ".dcm");
    }

    /** The SubmissionSet uniqueId of a manifest: derived from it, so a manifest sent again is the same submission. */
    static String submissionSetUid(PublicationRecord.Manifest manifest) {
        return manifest.uid() + ".1";
    }
}
