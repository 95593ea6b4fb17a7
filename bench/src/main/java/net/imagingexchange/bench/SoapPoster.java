// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Posts SOAP 1.2 envelopes over HTTP/1.1 as an XDS peer would, from any number of threads. */
final class SoapPoster {

    private static final Pattern SUCCESS = Pattern.compile("status=\"urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success\"");
    private static final Pattern ERROR = Pattern.compile("<(?:\\w+:)?RegistryError\\b[^>]*>");
    private static final Pattern DOCUMENT_ENTRY = Pattern.compile("<(?:\\w+:)?ExtrinsicObject[\\s>]");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI uri;
    private final String contentType;

    SoapPoster(URI uri, String action) {
        this.uri = uri;
        this.contentType = "application/soap+xml; charset=UTF-8; action=\"" + action + "\"";
    }

    /** The answer's body; a non-200 status or an I/O failure is an exception. */
    String post(String envelope) {
        var request = HttpRequest.newBuilder(uri).header("Content-Type", contentType)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)).build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + " from " + uri + ": "
                        + abbreviated(response.body()));
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static boolean isSuccess(String answer) {
        return SUCCESS.matcher(answer).find();
    }

    /** The first RegistryError element of a Failure answer, for the report. */
    static String firstError(String answer) {
        Matcher error = ERROR.matcher(answer);
        return error.find() ? abbreviated(error.group()) : abbreviated(answer);
    }

    /** DocumentEntries (ExtrinsicObjects) in a LeafClass answer. */
    static int documentEntries(String answer) {
        Matcher entries = DOCUMENT_ENTRY.matcher(answer);
        int n = 0;
        while (entries.find()) {
            n++;
        }
        return n;
    }

    private static String abbreviated(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "…";
    }
}
