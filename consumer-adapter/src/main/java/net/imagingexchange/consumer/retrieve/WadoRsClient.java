// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.retrieve;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * HTTP GET of an imaging source's WADO-RS resources (RAD-107, PS3.18 10.4): the answer's status and headers first,
 * its body as a stream read as the caller consumes it. The JDK's blocking {@link HttpURLConnection} (kept-alive
 * connections, the socket read straight into the caller's buffer) moves a study with one copy less than
 * {@code java.net.http.HttpClient}, whose body stream is fed through a queue of buffers by another thread.
 */
public final class WadoRsClient {

    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;

    /** @param readTimeout the longest wait for the answer to start, and for any later read. */
    public WadoRsClient(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
        this.readTimeoutMillis = Math.toIntExact(readTimeout.toMillis());
    }

    /**
     * An answer whose body has not been read yet; close it when done (or not read).
     *
     * @param contentLength its Content-Length, -1 when it has none (chunked).
     * @param warning       its Warning header, if any.
     */
    public record Answer(int status, Optional<String> contentType, long contentLength, Optional<String> warning,
                         InputStream body) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    /**
     * @throws IOException no answer (refused, reset, timed out); the message says which.
     */
    public Answer get(String url, String accept) throws IOException {
        HttpURLConnection connection;
        try {
            connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        } catch (IllegalArgumentException e) {
            throw new IOException("not a URL: " + url, e);
        }
        connection.setConnectTimeout(connectTimeoutMillis);
        connection.setReadTimeout(readTimeoutMillis);
        connection.setInstanceFollowRedirects(false);
        connection.setRequestProperty("Accept", accept);
        try {
            int status = connection.getResponseCode();
            InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            return new Answer(status, Optional.ofNullable(connection.getContentType()),
                    connection.getContentLengthLong(), Optional.ofNullable(connection.getHeaderField("Warning")),
                    body == null ? InputStream.nullInputStream() : body);
        } catch (IOException e) {
            connection.disconnect();
            throw new IOException(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                    + e.getMessage()), e);
        }
    }
}
