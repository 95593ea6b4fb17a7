// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * ITI-41 Provide and Register Document Set-b as a Document Source sends it: SOAP 1.2 with MTOM/XOP, one
 * DocumentEntry (the affinity domain's codes, from the repository's test sample) and one binary part per document.
 * Each part is copied from the document's file into the request as it is sent, with a Content-Length, so no
 * document is ever whole in memory.
 */
final class Iti41Provider {

    static final String ACTION = "urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b";
    /** The patient of every bench document; the registry runs with patient identity OPEN. */
    static final String PATIENT_ID = "PAT-43000^^^&" + Workload.PATIENT_AUTHORITY + "&ISO";

    private static final String ENVELOPE = template("/bench/iti41-provide.xml");
    private static final String ENTRY = template("/bench/iti41-document-entry.xml");
    private static final AtomicLong UIDS = new AtomicLong(1_000_000_000L);

    private final URI uri;

    Iti41Provider(URI uri) {
        this.uri = uri;
    }

    /** Provides the documents in one submission; fails unless the repository answers Success. */
    void provide(List<SourceDocument> documents) {
        String boundary = "bench-" + UUID.randomUUID();
        var entries = new StringBuilder();
        var includes = new StringBuilder();
        for (int i = 0; i < documents.size(); i++) {
            String id = "Document" + (i + 1);
            entries.append(ENTRY.replace("${docId}", id).replace("${uniqueId}", documents.get(i).uniqueId())
                    .replace("${patientId}", Workload.xml(PATIENT_ID))
                    .replace("${uid}", Long.toString(UIDS.incrementAndGet())));
            includes.append("      <xdsb:Document id=\"").append(id).append("\"><xop:Include href=\"cid:")
                    .append(id).append("@bench\"/></xdsb:Document>\n");
        }
        String envelope = ENVELOPE.replace("${uuid}", UUID.randomUUID().toString())
                .replace("${patientId}", Workload.xml(PATIENT_ID))
                .replace("${ssUid}", Long.toString(UIDS.incrementAndGet()))
                .replace("${entries}", entries).replace("${documents}", includes);
        byte[] root = ("--" + boundary + "\r\n"
                + "Content-Type: application/xop+xml; charset=UTF-8; type=\"application/soap+xml\"\r\n"
                + "Content-Transfer-Encoding: binary\r\nContent-ID: <root@bench>\r\n\r\n" + envelope)
                .getBytes(StandardCharsets.UTF_8);
        var heads = new ArrayList<byte[]>();
        long length = root.length;
        for (int i = 0; i < documents.size(); i++) {
            heads.add(ascii("\r\n--" + boundary + "\r\nContent-Type: application/dicom\r\n"
                    + "Content-Transfer-Encoding: binary\r\nContent-ID: <Document" + (i + 1) + "@bench>\r\n\r\n"));
            length += heads.get(i).length + documents.get(i).size();
        }
        byte[] end = ascii("\r\n--" + boundary + "--\r\n");
        String contentType = "multipart/related; type=\"application/xop+xml\"; boundary=\"" + boundary
                + "\"; start=\"<root@bench>\"; start-info=\"application/soap+xml\"; action=\"" + ACTION + "\"";
        String answer = send(contentType, length + end.length, out -> {
            out.write(root);
            for (int i = 0; i < documents.size(); i++) {
                out.write(heads.get(i));
                Files.copy(documents.get(i).file(), out);
            }
            out.write(end);
        });
        if (!SoapPoster.isSuccess(answer)) {
            throw new IllegalStateException("ITI-41 of " + documents.size() + " document(s) refused: "
                    + SoapPoster.firstError(answer));
        }
    }

    private String send(String contentType, long length, BlockingHttp.Body body) {
        try (var answer = BlockingHttp.post(uri, contentType, length, body)) {
            String text = new String(answer.body().readAllBytes(), StandardCharsets.UTF_8);
            if (answer.status() != 200) {
                throw new IllegalStateException("ITI-41: HTTP " + answer.status() + ": " + SoapPoster.firstError(text));
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("ITI-41 to " + uri + " failed", e);
        }
    }

    /** A bench resource without its XML comments, whose placeholder names must not be filled in. */
    static String template(String name) {
        return Workload.resource(name).replaceAll("(?s)<!--.*?-->\\s*", "");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
