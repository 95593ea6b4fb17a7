// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ITI-43 Retrieve Document Set as a consumer that streams: the MTOM answer is read part by part as it arrives
 * ({@link MultipartStream}), each document counted and discarded, never whole in memory. Every retrieval checks
 * the SOAP status (Success), that each requested document came back, and its byte count; a hashed retrieval
 * checks its SHA-1 too.
 */
final class Iti43Client {

    static final String ACTION = "urn:ihe:iti:2007:RetrieveDocumentSet";
    /** Read size of both clients, ours and the limit's. */
    static final int BUFFER = 64 * 1024;

    private static final String REQUEST = Iti41Provider.template("/bench/iti43-retrieve.xml");
    private static final int MAX_ROOT_PART = 4 * 1024 * 1024;
    private static final Pattern DOCUMENT_RESPONSE = Pattern.compile(
            "<(?:\\w+:)?DocumentResponse\\b.*?</(?:\\w+:)?DocumentResponse>", Pattern.DOTALL);
    private static final Pattern UNIQUE_ID = Pattern.compile("<(?:\\w+:)?DocumentUniqueId>([^<]*)<");
    private static final Pattern INCLUDE = Pattern.compile("<(?:\\w+:)?Include\\b[^>]*\\bhref=\"cid:([^\"]+)\"");
    private static final Pattern BOUNDARY = Pattern.compile("(?i);\\s*boundary=(?:\"([^\"]+)\"|([^;\\s]+))");

    private final URI uri;
    private final String repositoryUniqueId;

    Iti43Client(URI uri, String repositoryUniqueId) {
        this.uri = uri;
        this.repositoryUniqueId = repositoryUniqueId;
    }

    /** Retrieves the documents in one request; returns the document bytes received. */
    long retrieve(List<SourceDocument> documents, boolean hashed) {
        byte[] request = envelope(documents).getBytes(StandardCharsets.UTF_8);
        try (var answer = BlockingHttp.post(uri, "application/soap+xml; charset=UTF-8; action=\"" + ACTION + "\"",
                request.length, out -> out.write(request))) {
            Matcher boundary = BOUNDARY.matcher(answer.contentType());
            if (answer.status() != 200 || !boundary.find()) {
                throw new IllegalStateException("ITI-43: HTTP " + answer.status() + " " + answer.contentType() + ": "
                        + SoapPoster.firstError(new String(answer.body().readNBytes(MAX_ROOT_PART),
                        StandardCharsets.UTF_8)));
            }
            var parts = new MultipartStream(answer.body(),
                    boundary.group(1) != null ? boundary.group(1) : boundary.group(2), BUFFER);
            return readParts(parts, documents, hashed);
        } catch (IOException e) {
            throw new UncheckedIOException("ITI-43 to " + uri + " failed", e);
        }
    }

    private long readParts(MultipartStream parts, List<SourceDocument> documents, boolean hashed)
            throws IOException {
        if (parts.nextPart() == null) {
            throw new IllegalStateException("ITI-43: an MTOM answer without its SOAP part");
        }
        String root = rootPart(parts);
        if (!SoapPoster.isSuccess(root)) {
            throw new IllegalStateException("ITI-43 did not answer Success: " + SoapPoster.firstError(root));
        }
        Map<String, SourceDocument> byContentId = contentIds(root, documents);
        long bytes = 0;
        for (var headers = parts.nextPart(); headers != null; headers = parts.nextPart()) {
            String contentId = headers.getOrDefault("content-id", "").replaceAll("^<|>$", "");
            SourceDocument document = byContentId.remove(contentId);
            if (document == null) {
                throw new IllegalStateException("ITI-43: a part no DocumentResponse refers to: " + contentId);
            }
            var received = new ReceivedBytes(hashed);
            parts.body(received);
            received.check(document, "ITI-43");
            bytes += received.count();
        }
        if (!byContentId.isEmpty()) {
            throw new IllegalStateException("ITI-43: parts missing for " + byContentId.values().stream()
                    .map(SourceDocument::uniqueId).toList());
        }
        parts.drain();
        return bytes;
    }

    private static String rootPart(MultipartStream parts) throws IOException {
        var xml = new ByteArrayOutputStream();
        parts.body((bytes, offset, length) -> {
            if (xml.size() + length > MAX_ROOT_PART) {
                throw new IOException("the SOAP part of the answer passes " + MAX_ROOT_PART
                        + " bytes: documents inline (base64) instead of MTOM attachments?");
            }
            xml.write(bytes, offset, length);
        });
        return xml.toString(StandardCharsets.UTF_8);
    }

    /** The Content-ID (of the xop:Include) of each requested document, from the DocumentResponse elements. */
    private static Map<String, SourceDocument> contentIds(String root, List<SourceDocument> documents) {
        var requested = new HashMap<String, SourceDocument>();
        documents.forEach(d -> requested.put(d.uniqueId(), d));
        var byContentId = new HashMap<String, SourceDocument>();
        Matcher response = DOCUMENT_RESPONSE.matcher(root);
        while (response.find()) {
            Matcher uniqueId = UNIQUE_ID.matcher(response.group());
            Matcher include = INCLUDE.matcher(response.group());
            if (!uniqueId.find() || !include.find()) {
                throw new IllegalStateException("ITI-43: a DocumentResponse without uniqueId or xop:Include: "
                        + response.group());
            }
            SourceDocument document = requested.remove(uniqueId.group(1));
            if (document == null) {
                throw new IllegalStateException("ITI-43: an unrequested or repeated document " + uniqueId.group(1));
            }
            // a cid: URL is the Content-ID, %-encoded (RFC 2392)
            byContentId.put(URLDecoder.decode(include.group(1).replace("+", "%2B"), StandardCharsets.UTF_8),
                    document);
        }
        if (!requested.isEmpty()) {
            throw new IllegalStateException("ITI-43: no DocumentResponse for " + requested.keySet());
        }
        return byContentId;
    }

    private String envelope(List<SourceDocument> documents) {
        var requests = new StringBuilder();
        for (SourceDocument document : documents) {
            requests.append("      <xdsb:DocumentRequest><xdsb:RepositoryUniqueId>").append(repositoryUniqueId)
                    .append("</xdsb:RepositoryUniqueId><xdsb:DocumentUniqueId>").append(document.uniqueId())
                    .append("</xdsb:DocumentUniqueId></xdsb:DocumentRequest>\n");
        }
        return REQUEST.replace("${uuid}", UUID.randomUUID().toString())
                .replace("${documentRequests}", requests);
    }
}
