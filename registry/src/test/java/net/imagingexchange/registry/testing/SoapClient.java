// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Posts SOAP 1.2 envelopes as any XDS actor would put them on the wire, and reads the answers with XPath, so the
 * tests see exactly what a peer sees.
 */
public final class SoapClient {

    private final HttpClient http = HttpClient.newHttpClient();

    public Answer post(String url, String action, String envelope) {
        return send(url, action, HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8));
    }

    /** Posts without a Content-Length (chunked transfer coding), as a streaming client does. */
    public Answer postChunked(String url, String action, String envelope) {
        byte[] bytes = envelope.getBytes(StandardCharsets.UTF_8);
        return send(url, action, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
    }

    private Answer send(String url, String action, HttpRequest.BodyPublisher body) {
        var request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/soap+xml; charset=UTF-8; action=\"" + action + "\"")
                .POST(body).build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer and XPath over its SOAP envelope (prefixes soap, rs, rim, query). */
    public record Answer(int httpStatus, String body) {

        public Document document() {
            try {
                var factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
            } catch (Exception e) {
                throw new IllegalStateException("answer is not XML: " + body, e);
            }
        }

        public List<String> values(String xpath) {
            try {
                var path = XPathFactory.newInstance().newXPath();
                path.setNamespaceContext(XmlNamespaces.XDS);
                NodeList nodes = (NodeList) path.evaluate(xpath, document(), XPathConstants.NODESET);
                var values = new ArrayList<String>();
                for (int i = 0; i < nodes.getLength(); i++) {
                    values.add(nodes.item(i).getTextContent());
                }
                return values;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        public String value(String xpath) {
            var values = values(xpath);
            return values.isEmpty() ? null : values.get(0);
        }

        /** The status URN's last segment: Success, Failure or PartialSuccess. */
        public String status() {
            String status = value("//@status[parent::rs:RegistryResponse or parent::query:AdhocQueryResponse]");
            return status == null ? null : status.substring(status.lastIndexOf(':') + 1);
        }

        public List<String> errorCodes() {
            return values("//rs:RegistryError/@errorCode");
        }

        public List<String> codeContexts() {
            return values("//rs:RegistryError/@codeContext");
        }
    }
}
