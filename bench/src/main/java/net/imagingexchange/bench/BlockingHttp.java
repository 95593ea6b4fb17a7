// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The bench's HTTP/1.1 client for ours and for the limit alike: the JDK's blocking {@link HttpURLConnection}, whose
 * answer stream reads from the socket straight into the caller's buffer. (java.net.http's
 * {@code BodyHandlers.ofInputStream()} moved a loopback download at a third of its speed on the 2-CPU bench machine,
 * at half with {@code jdk.httpclient.bufsize=262144}: it would have been the bottleneck of both sides.)
 * An answer read to its end and closed gives its connection back to the JDK's keep-alive cache, so requests reuse
 * connections, as a browser's or a viewer's would.
 */
final class BlockingHttp {

    /** Writes a request body. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** An answer whose body streams as it is read; closing it before its end drops the connection. */
    record Answer(int status, String contentType, InputStream body) implements Closeable {
        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int READ_TIMEOUT_MS = 600_000;

    private BlockingHttp() {
    }

    /** Keeps up to {@code connections} idle connections per server, so every client thread keeps its own. */
    static void keepAlive(int connections) {
        System.setProperty("http.maxConnections", Integer.toString(Math.max(5, connections)));
    }

    static Answer get(URI uri) throws IOException {
        return answer(open(uri, "GET"));
    }

    /** GETs {@code uri} asking for {@code accept} (the Accept header). */
    static Answer get(URI uri, String accept) throws IOException {
        HttpURLConnection connection = open(uri, "GET");
        connection.setRequestProperty("Accept", accept);
        return answer(connection);
    }

    /** POSTs a body of {@code length} bytes, streamed (never buffered by the client). */
    static Answer post(URI uri, String contentType, long length, Body body) throws IOException {
        HttpURLConnection connection = open(uri, "POST");
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(length);
        connection.setRequestProperty("Content-Type", contentType);
        try (OutputStream out = connection.getOutputStream()) {
            body.writeTo(out);
        }
        return answer(connection);
    }

    private static HttpURLConnection open(URI uri, String method) throws IOException {
        var connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
        connection.setReadTimeout(READ_TIMEOUT_MS);
        connection.setUseCaches(false);
        return connection;
    }

    private static Answer answer(HttpURLConnection connection) throws IOException {
        int status = connection.getResponseCode();
        InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
        return new Answer(status, String.valueOf(connection.getContentType()),
                body != null ? body : InputStream.nullInputStream());
    }
}
