// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An ITI-41 request written byte by byte as a Document Source puts it on the wire (ITI TF-2 Appendix V, XOP/MTOM),
 * so the tests can also send what a well-behaved client never would: documents without entries, a reference to a
 * MIME part that is not there, an extra part, inline base64 instead of MTOM, a body cut short.
 */
public final class MtomRequest {

    private static final String BOUNDARY = "MIMEBoundary_imagingexchange_test";
    private static final String ROOT_CID = "root.message@imagingexchange.test";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String submitObjectsRequest;
    private final StringBuilder documents = new StringBuilder();
    private final List<byte[]> parts = new ArrayList<>();
    private final List<String> partIds = new ArrayList<>();

    private MtomRequest(String submitObjectsRequest) {
        this.submitObjectsRequest = submitObjectsRequest.replaceFirst("<\\?xml[^>]*\\?>", "");
    }

    /** The metadata of {@code submission}, without any document yet. */
    public static MtomRequest of(Submission submission) {
        return new MtomRequest(submission.submitObjectsRequest());
    }

    /** Every document of {@code submission} as an MTOM part referenced from its {@code xdsb:Document}. */
    public static MtomRequest withAllDocuments(Submission submission) {
        var request = of(submission);
        for (Submission.Document document : submission.documents()) {
            request.document(document.id(), Documents.bytes(document.content()));
        }
        return request;
    }

    /** An {@code xdsb:Document} whose bytes travel in their own MIME part. */
    public MtomRequest document(String id, byte[] content) {
        String cid = "doc" + parts.size() + "@imagingexchange.test";
        reference(id, cid);
        return part(cid, content);
    }

    /** An {@code xdsb:Document} whose {@code xop:Include} points at {@code cid}, whether or not that part exists. */
    public MtomRequest reference(String id, String cid) {
        documents.append("<xdsb:Document id=\"").append(id).append("\"><xop:Include")
                .append(" xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"cid:").append(cid)
                .append("\"/></xdsb:Document>");
        return this;
    }

    /** A MIME part, referenced or not. */
    public MtomRequest part(String cid, byte[] content) {
        partIds.add(cid);
        parts.add(content);
        return this;
    }

    /** An {@code xdsb:Document} with its bytes inline, base64 in the XML (no XOP). */
    public MtomRequest inline(String id, byte[] content) {
        documents.append("<xdsb:Document id=\"").append(id).append("\">")
                .append(Base64.getEncoder().encodeToString(content)).append("</xdsb:Document>");
        return this;
    }

    public String envelope() {
        return "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:wsa=\"http://www.w3.org/2005/08/addressing\"><soap:Header>"
                + "<wsa:Action soap:mustUnderstand=\"true\">urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b</wsa:Action>"
                + "<wsa:MessageID>urn:uuid:" + UUID.randomUUID() + "</wsa:MessageID>"
                + "<wsa:ReplyTo><wsa:Address>http://www.w3.org/2005/08/addressing/anonymous</wsa:Address></wsa:ReplyTo>"
                + "</soap:Header><soap:Body>"
                + "<xdsb:ProvideAndRegisterDocumentSetRequest xmlns:xdsb=\"urn:ihe:iti:xds-b:2007\">"
                + submitObjectsRequest + documents + "</xdsb:ProvideAndRegisterDocumentSetRequest>"
                + "</soap:Body></soap:Envelope>";
    }

    /** The multipart/related body. */
    public byte[] body() {
        var out = new ByteArrayOutputStream();
        write(out, "--" + BOUNDARY + "\r\nContent-Type: application/xop+xml; charset=UTF-8;"
                + " type=\"application/soap+xml\"\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <" + ROOT_CID
                + ">\r\n\r\n" + envelope() + "\r\n");
        for (int i = 0; i < parts.size(); i++) {
            write(out, "--" + BOUNDARY + "\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Transfer-Encoding: binary\r\nContent-ID: <" + partIds.get(i) + ">\r\n\r\n");
            out.writeBytes(parts.get(i));
            write(out, "\r\n");
        }
        write(out, "--" + BOUNDARY + "--\r\n");
        return out.toByteArray();
    }

    /** Posts as MTOM (multipart/related). */
    public Answer post(String url) {
        return post(url, body());
    }

    /** Posts only the first {@code length} bytes of the MTOM body, as a source whose connection broke. */
    public Answer postTruncated(String url, int length) {
        byte[] body = body();
        byte[] cut = new byte[length];
        System.arraycopy(body, 0, cut, 0, length);
        return post(url, cut);
    }

    private static Answer post(String url, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "multipart/related; boundary=\"" + BOUNDARY + "\";"
                        + " type=\"application/xop+xml\"; start=\"<" + ROOT_CID + ">\";"
                        + " start-info=\"application/soap+xml\";"
                        + " action=\"urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** Posts the plain SOAP envelope (no MTOM), as sources that inline their documents do. */
    public Answer postWithoutMtom(String url) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/soap+xml; charset=UTF-8;"
                        + " action=\"urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope(), StandardCharsets.UTF_8)).build());
    }

    private static Answer send(HttpRequest request) {
        try {
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The HTTP answer; the RegistryResponse read from it, whether it came as MTOM or as plain SOAP. */
    public record Answer(int httpStatus, String body) {

        private static final Pattern STATUS =
                Pattern.compile("status=\"urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:(\\w+)\"");
        private static final Pattern ERROR_CODE = Pattern.compile("errorCode=\"([^\"]+)\"");
        private static final Pattern CODE_CONTEXT = Pattern.compile("codeContext=\"([^\"]*)\"");

        /** Success, PartialSuccess or Failure; null when the answer is no RegistryResponse (a SOAP fault). */
        public String status() {
            var matcher = STATUS.matcher(body);
            return matcher.find() ? matcher.group(1) : null;
        }

        public List<String> errorCodes() {
            return ERROR_CODE.matcher(body).results().map(m -> m.group(1)).toList();
        }

        public List<String> codeContexts() {
            return CODE_CONTEXT.matcher(body).results().map(m -> m.group(1)).toList();
        }
    }
}
