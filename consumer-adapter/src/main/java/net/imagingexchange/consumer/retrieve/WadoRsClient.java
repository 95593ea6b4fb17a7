// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.retrieve;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * HTTP GET of an imaging source's WADO-RS resources (RAD-107, PS3.18 10.4) with the JDK's client: the answer's
 * status and headers first, its body as a stream read as the caller consumes it.
 */
public final class WadoRsClient {

    private final HttpClient http;
    private final Duration receiveTimeout;

    public WadoRsClient(Duration connectTimeout, Duration receiveTimeout) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        this.receiveTimeout = receiveTimeout;
    }

    /** An answer whose body has not been read yet; close it when done (or not read). */
    public record Answer(int status, Optional<String> contentType, InputStream body) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    /**
     * @throws IOException no answer (refused, reset, timed out); the message says which.
     */
    public Answer get(String url, String accept) throws IOException {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(receiveTimeout).header("Accept", accept).GET()
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type"), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + url, e);
        } catch (IOException e) {
            throw new IOException(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    e);
        }
    }
}
