// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Watches the exchange's registry for a study's KOS manifest as an Imaging Document Consumer finds it: ITI-18
 * FindDocumentsByReferenceId (ITI TF-2 3.18.4.1.2.3.7.14) by the Study Instance UID, LeafClass, Approved, for the
 * study's regional patient ID, posted every {@value #INTERVAL_MS} ms until an entry comes back. Then the imaging
 * source's status API must say PUBLISHED, up to date, with every instance.
 */
final class PublicationProbe {

    static final long INTERVAL_MS = 20;
    /** RAD TF-3 4.68.4.1.2.3.2: the referenceIdList (CXi) type of a Study Instance UID. */
    static final String STUDY_INSTANCE_UID_TYPE = "urn:ihe:iti:xds:2016:studyInstanceUID";

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern PENDING = Pattern.compile("\"pendingManifestUid\"\\s*:\\s*\"");
    private static final Pattern PUBLISHED = Pattern.compile("\"state\"\\s*:\\s*\"PUBLISHED\"");
    private static final Pattern UP_TO_DATE = Pattern.compile("\"upToDate\"\\s*:\\s*true");

    private final SoapPoster iti18;
    private final String base;

    /**
     * How long the manifest took to become queryable.
     *
     * @param latencyNanos from {@code since} to the answer that found it.
     * @param queries      ITI-18 queries posted, that one included.
     */
    record Found(long latencyNanos, int queries) {
    }

    /** @param base the exchange's {@code http://127.0.0.1:PORT}. */
    PublicationProbe(String base) {
        this.base = base;
        this.iti18 = new SoapPoster(URI.create(base + "/registry/iti18"), StoredQueries.ACTION);
    }

    /**
     * Polls from now until the study's manifest is found; fails after a minute.
     *
     * @param since {@link System#nanoTime()} of the last instance's acknowledgement (storescu's exit).
     */
    Found await(String studyInstanceUid, long since) throws InterruptedException {
        String query = StoredQueries.findDocumentsByReferenceId(
                DicomStudy.REGIONAL_PATIENT_ID + "^^^&" + DicomStudy.AFFINITY_DOMAIN + "&ISO",
                studyInstanceUid + "^^^^" + STUDY_INSTANCE_UID_TYPE);
        int queries = 0;
        while (true) {
            long asked = System.nanoTime();
            String answer = iti18.post(query);
            long answered = System.nanoTime();
            queries++;
            if (!SoapPoster.isSuccess(answer)) {
                throw new IllegalStateException("ITI-18 FindDocumentsByReferenceId failed: "
                        + SoapPoster.firstError(answer));
            }
            if (SoapPoster.documentEntries(answer) > 0) {
                return new Found(answered - since, queries);
            }
            if (answered - since > TIMEOUT.toNanos()) {
                throw new IllegalStateException("no manifest of study " + studyInstanceUid + " in the registry "
                        + TIMEOUT.toSeconds() + " s after its last instance; status: " + status(studyInstanceUid));
            }
            long wait = asked + INTERVAL_MS * 1_000_000 - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
    }

    /**
     * Fails unless the status API says the study is published, up to date, with {@code instances} instances. The
     * imaging source records the publication once the repository has answered RAD-68, which it does after the
     * registry has registered the manifest: the manifest can be queryable a moment before, so the status is asked
     * again (every {@value #INTERVAL_MS} ms, for at most ten seconds) while it says a manifest is pending.
     */
    void checkPublished(String studyInstanceUid, int instances) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String status = status(studyInstanceUid);
        while (PENDING.matcher(status).find() && System.nanoTime() < deadline) {
            Thread.sleep(INTERVAL_MS);
            status = status(studyInstanceUid);
        }
        if (!PUBLISHED.matcher(status).find() || !UP_TO_DATE.matcher(status).find()
                || !Pattern.compile("\"instances\"\\s*:\\s*" + instances + "\\b").matcher(status).find()) {
            throw new IllegalStateException("the imaging source's status of " + studyInstanceUid + " is not"
                    + " PUBLISHED, up to date, with " + instances + " instances: " + status);
        }
    }

    private String status(String studyInstanceUid) {
        URI uri = URI.create(base + "/imaging-source/api/studies/" + studyInstanceUid);
        try (var answer = BlockingHttp.get(uri)) {
            return "HTTP " + answer.status() + " " + new String(answer.body().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri + " failed", e);
        }
    }
}
