// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.provide;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import net.imagingexchange.repository.RepositoryProperties;
import net.imagingexchange.repository.testing.Documents;
import net.imagingexchange.repository.testing.MtomRequest;
import net.imagingexchange.repository.testing.RepositoryComponentTest;
import net.imagingexchange.repository.testing.Submission;
import net.imagingexchange.repository.testing.XdsClients;

/**
 * ITI-41 repository rules (ITI TF-2 3.41.4.1.3): documents and DocumentEntries pair one to one, the repository's
 * hash and size win over wrong supplied ones, the registry's refusal reaches the source unchanged, and whatever
 * is refused leaves nothing stored or registered. Requests are written on the wire by hand ({@link MtomRequest}).
 */
@RepositoryComponentTest
class ProvideRulesTest {

    private static final AtomicLong SEEDS = new AtomicLong(System.nanoTime());

    @LocalServerPort
    int port;
    @Autowired
    RepositoryProperties properties;

    XdsClients clients;
    String iti41;

    @BeforeEach
    void setUp() {
        clients = new XdsClients(base());
        iti41 = base() + "/repository/iti41";
    }

    @Test
    void refusesADocumentEntryWithoutItsDocument() {
        var submission = twoDocuments();
        var request = MtomRequest.of(submission).document("Document1", bytes(submission, 0));

        var answer = stored(() -> request.post(iti41), 0);

        assertThat(answer.status()).isEqualTo("Failure");
        assertThat(answer.errorCodes()).containsExactly("XDSMissingDocument");
        assertNothingRegistered(submission);
    }

    @Test
    void refusesADocumentWithoutItsDocumentEntry() {
        var submission = twoDocuments();
        var request = MtomRequest.withAllDocuments(submission).document("Document3", new byte[] {1, 2, 3});

        var answer = stored(() -> request.post(iti41), 0);

        assertThat(answer.status()).isEqualTo("Failure");
        assertThat(answer.errorCodes()).containsExactly("XDSMissingDocumentMetadata");
        assertNothingRegistered(submission);
    }

    @Test
    void refusesTwoDocumentsUnderOneId() {
        var submission = twoDocuments();
        var request = MtomRequest.withAllDocuments(submission).document("Document2", new byte[] {4, 5, 6});

        var answer = stored(() -> request.post(iti41), 0);

        assertThat(answer.status()).isEqualTo("Failure");
        assertThat(answer.errorCodes()).containsExactly("XDSMissingDocumentMetadata");
        assertThat(answer.codeContexts().get(0)).contains("Document2");
    }

    @Test
    void refusesAnIncludeOfAPartThatIsNotThere() {
        var submission = twoDocuments();
        var request = MtomRequest.of(submission).document("Document1", bytes(submission, 0))
                .reference("Document2", "nothing-here@imagingexchange.test");

        var answer = stored(() -> request.post(iti41), 0);

        assertThat(answer.status()).isEqualTo("Failure");
        assertThat(answer.errorCodes()).containsExactly("XDSMissingDocument");
        assertThat(answer.codeContexts().get(0)).contains("Document2");
        assertNothingRegistered(submission);
        assertServerStillAccepts();
    }

    @Test
    void refusesARequestCutShortInsideADocumentAndStaysUp() {
        var submission = twoDocuments();
        var request = MtomRequest.withAllDocuments(submission);
        int cut = request.body().length - 10_000; // inside the 20,000 bytes of the first document's part

        var answer = stored(() -> request.postTruncated(iti41, cut), 0);

        assertThat(answer.status()).isNotEqualTo("Success");
        assertThat(answer.status()).isEqualTo("Failure");
        assertNothingRegistered(submission);
        assertServerStillAccepts();
    }

    @Test
    void refusesAnMtomBodyCutShortInsideItsLastPart() {
        var submission = Submission.fresh().add("application/dicom",
                Documents.random(20_000, SEEDS.incrementAndGet(), "application/dicom"));
        var request = MtomRequest.withAllDocuments(submission);
        int cut = request.body().length - 10_000; // the closing boundary and half the document are missing

        var answer = stored(() -> request.postTruncated(iti41, cut), 0);

        assertThat(answer.status()).isEqualTo("Failure");
        assertThat(answer.errorCodes()).containsExactly("XDSRepositoryError");
        assertNothingRegistered(submission);
    }

    @Test
    void ignoresAnExtraPartNoDocumentReferences() {
        var submission = twoDocuments();
        var request = MtomRequest.withAllDocuments(submission)
                .part("stray@imagingexchange.test", "not a document".getBytes());

        var answer = stored(() -> request.post(iti41), 2);

        assertThat(answer.status()).isEqualTo("Success");
        assertRetrievable(submission);
    }

    @Test
    void acceptsDocumentsInlineAsBase64WithoutMtom() {
        var submission = twoDocuments();
        var request = MtomRequest.of(submission).inline("Document1", bytes(submission, 0))
                .inline("Document2", bytes(submission, 1));

        var answer = stored(() -> request.postWithoutMtom(iti41), 2);

        assertThat(answer.status()).isEqualTo("Success");
        assertRetrievable(submission);
    }

    @Test
    void refusesASuppliedHashThatIsNotTheDocumentsSha1() {
        var submission = twoDocuments();
        submission.set(1, submission.document(1).withSuppliedSlots(
                Submission.slot("hash", "0123456789abcdef0123456789abcdef01234567")));

        var answer = stored(() -> MtomRequest.withAllDocuments(submission).post(iti41), 0);

        assertThat(answer.status()).isEqualTo("Failure");
        assertThat(answer.errorCodes()).containsExactly("XDSRepositoryMetadataError");
        assertThat(answer.codeContexts().get(0)).contains("hash").contains("Document2");
        assertNothingRegistered(submission);
    }

    @Test
    void refusesASuppliedSizeThatIsNotTheDocumentsSize() {
        var submission = twoDocuments();
        submission.set(0, submission.document(0).withSuppliedSlots(Submission.slot("size", "1")));

        var answer = stored(() -> MtomRequest.withAllDocuments(submission).post(iti41), 0);

        assertThat(answer.status()).isEqualTo("Failure");
        assertThat(answer.errorCodes()).containsExactly("XDSRepositoryMetadataError");
        assertThat(answer.codeContexts().get(0)).contains("size");
        assertNothingRegistered(submission);
    }

    @Test
    void acceptsACorrectHashInUpperCaseAndSetsItsOwnRepositoryUniqueId() {
        var submission = twoDocuments();
        var first = submission.document(0);
        submission.set(0, first.withSuppliedSlots(
                Submission.slot("hash", Documents.sha1(first.content()).toUpperCase())
                        + Submission.slot("size", Long.toString(Documents.size(first.content())))
                        + Submission.slot("repositoryUniqueId", "1.2.250.1.999.2.999")));

        var answer = stored(() -> MtomRequest.withAllDocuments(submission).post(iti41), 2);

        assertThat(answer.status()).isEqualTo("Success");
        var entry = clients.findDocuments(submission.patientId()).stream()
                .filter(e -> e.getUniqueId().equals(first.uniqueId())).findFirst().orElseThrow();
        assertThat(entry.getHash()).isEqualTo(Documents.sha1(first.content()));
        assertThat(entry.getRepositoryUniqueId()).isEqualTo(properties.repositoryUniqueId());
    }

    @Test
    void passesTheRegistrysRefusalOnUnchangedAndKeepsNothingOfIt() {
        var original = Submission.fresh().add("text/plain", Documents.text("original report", "text/plain"));
        assertThat(clients.provide(original).getStatus()).endsWith(":Success");
        var conflicting = Submission.fresh().add(new Submission.Document("Document1",
                original.document(0).uniqueId(), "text/plain", Documents.text("another report", "text/plain"), ""));

        var answer = stored(() -> MtomRequest.withAllDocuments(conflicting).post(iti41), 0);

        assertThat(answer.status()).isEqualTo("Failure");
        assertThat(answer.errorCodes()).containsExactly("XDSNonIdenticalHash");
        assertThat(clients.findDocuments(conflicting.patientId())).isEmpty();
        assertRetrievable(original);
    }

    @Test
    void settlesConcurrentSubmissionsOfOneUniqueIdWithOneWinner() throws Exception {
        String uniqueId = Submission.freshUid();
        var contenders = new ArrayList<Submission>();
        for (int i = 0; i < 4; i++) {
            contenders.add(Submission.fresh().add(new Submission.Document("Document1", uniqueId, "text/plain",
                    Documents.random(50_000, 100 + i, "text/plain"), "")));
        }
        var tasks = new ArrayList<Callable<MtomRequest.Answer>>();
        for (Submission contender : contenders) {
            var request = MtomRequest.withAllDocuments(contender);
            tasks.add(() -> request.post(iti41));
        }

        List<MtomRequest.Answer> answers = new ArrayList<>();
        long before = storedFiles();
        var pool = Executors.newFixedThreadPool(tasks.size());
        try {
            for (var future : pool.invokeAll(tasks)) {
                answers.add(future.get());
            }
        } finally {
            pool.shutdown();
        }

        int winner = -1;
        for (int i = 0; i < answers.size(); i++) {
            if ("Success".equals(answers.get(i).status())) {
                assertThat(winner).as("a second submission of uniqueId %s succeeded", uniqueId).isEqualTo(-1);
                winner = i;
            } else {
                assertThat(answers.get(i).status()).isEqualTo("Failure");
            }
        }
        assertThat(winner).as("one of the submissions succeeds").isNotEqualTo(-1);
        assertThat(storedFiles() - before).isEqualTo(1);
        assertRetrievable(contenders.get(winner));
    }

    /** Two documents with bytes no other test stored, so that stored-file counts see them. */
    private static Submission twoDocuments() {
        long seed = SEEDS.incrementAndGet();
        return Submission.fresh()
                .add("application/dicom", Documents.random(20_000, seed, "application/dicom"))
                .add("text/xml", Documents.text("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><id extension=\""
                        + seed + "\"/></ClinicalDocument>", "text/xml"));
    }

    private static byte[] bytes(Submission submission, int index) {
        return Documents.bytes(submission.document(index).content());
    }

    /** Runs {@code post} and checks that exactly {@code expectedNewFiles} documents were stored by it. */
    private MtomRequest.Answer stored(Callable<MtomRequest.Answer> post, int expectedNewFiles) {
        long before = storedFiles();
        try {
            var answer = post.call();
            assertThat(storedFiles() - before).as("documents stored; answer %s", answer.body())
                    .isEqualTo(expectedNewFiles);
            return answer;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long storedFiles() {
        return Documents.storedFiles(properties.documentsDirectory());
    }

    private void assertNothingRegistered(Submission submission) {
        assertThat(clients.findDocuments(submission.patientId())).isEmpty();
        var retrieved = clients.retrieve(properties.repositoryUniqueId(),
                submission.documents().stream().map(Submission.Document::uniqueId).toList());
        assertThat(retrieved.getDocumentResponse()).isEmpty();
    }

    private void assertRetrievable(Submission submission) {
        for (Submission.Document document : submission.documents()) {
            var retrieved = clients.retrieve(properties.repositoryUniqueId(), List.of(document.uniqueId()));
            assertThat(retrieved.getRegistryResponse().getStatus()).endsWith(":Success");
            assertThat(Documents.sha1(retrieved.getDocumentResponse().get(0).getDocument()))
                    .isEqualTo(Documents.sha1(document.content()));
        }
    }

    private void assertServerStillAccepts() {
        var submission = Submission.fresh().add("text/plain", Documents.text("still up", "text/plain"));
        assertThat(clients.provide(submission).getStatus()).endsWith(":Success");
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
