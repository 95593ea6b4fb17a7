// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.activation.DataSource;

/**
 * An ITI-41 submission for the tests: a SubmissionSet with one DocumentEntry per document, from the templates under
 * {@code samples/iti41}, for a fresh patient of the demo affinity domain unless told otherwise.
 */
public final class Submission {

    private static final AtomicLong UIDS = new AtomicLong(System.currentTimeMillis());

    /**
     * One document.
     *
     * @param id            the DocumentEntry's symbolic id, also the {@code xdsb:Document/@id}.
     * @param uniqueId      the DocumentEntry uniqueId.
     * @param mimeType      as registered.
     * @param content       the bytes.
     * @param suppliedSlots hash / size / repositoryUniqueId slots the source supplies, as ebRIM XML ("" for none).
     */
    public record Document(String id, String uniqueId, String mimeType, DataSource content, String suppliedSlots) {

        public Document withSuppliedSlots(String slots) {
            return new Document(id, uniqueId, mimeType, content, slots);
        }
    }

    private final String patientId;
    private final List<Document> documents = new ArrayList<>();

    private Submission(String patientId) {
        this.patientId = patientId;
    }

    /** For a patient no other test used. */
    public static Submission fresh() {
        return new Submission("PAT-" + freshUid() + "^^^&1.3.6.1.4.1.21367.2005.13.20.1000&ISO");
    }

    public static String freshUid() {
        return "1.2.250.1.999.5." + UIDS.incrementAndGet();
    }

    /** Adds a document with a fresh uniqueId and no supplied hash or size. */
    public Submission add(String mimeType, DataSource content) {
        documents.add(new Document("Document" + (documents.size() + 1), freshUid(), mimeType, content, ""));
        return this;
    }

    public Submission add(Document document) {
        documents.add(document);
        return this;
    }

    public String patientId() {
        return patientId;
    }

    public List<Document> documents() {
        return documents;
    }

    public Document document(int index) {
        return documents.get(index);
    }

    /** Replaces a document (e.g. by one that supplies a wrong hash). */
    public Submission set(int index, Document document) {
        documents.set(index, document);
        return this;
    }

    /** The {@code lcm:SubmitObjectsRequest} of this submission, as XML. */
    public String submitObjectsRequest() {
        var entries = new StringBuilder();
        for (Document document : documents) {
            entries.append(fill(read("document-entry.xml"), Map.of("docId", document.id(),
                    "uniqueId", document.uniqueId(), "mimeType", document.mimeType(), "patientId", patientId,
                    "uid", Long.toString(UIDS.incrementAndGet()), "suppliedSlots", document.suppliedSlots())));
        }
        return fill(read("submission.xml"), Map.of("entries", entries.toString(), "patientId", patientId,
                "ssUid", Long.toString(UIDS.incrementAndGet())));
    }

    /** The ebRIM XML of a slot, for {@link Document#suppliedSlots()}. */
    public static String slot(String name, String value) {
        return "<rim:Slot name=\"" + name + "\"><rim:ValueList><rim:Value>" + value
                + "</rim:Value></rim:ValueList></rim:Slot>\n";
    }

    private static String fill(String template, Map<String, String> values) {
        String text = template;
        for (var entry : values.entrySet()) {
            String value = entry.getKey().equals("entries") || entry.getKey().equals("suppliedSlots")
                    ? entry.getValue() : entry.getValue().replace("&", "&amp;");
            text = text.replace("${" + entry.getKey() + "}", value);
        }
        return text;
    }

    private static String read(String name) {
        try (var in = Submission.class.getResourceAsStream("/samples/iti41/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
