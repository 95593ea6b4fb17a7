// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * The limit of retrieving a study over HTTP on this machine: the JDK's plain HTTP/1.1 server, in the bench's JVM,
 * answering {@code GET /study} with the study's stored files one after the other, from the same page cache, with a
 * Content-Length, in 64 KiB blocks: no multipart framing, no index, no negotiation. Whatever a WADO-RS server does
 * on top of this costs time; nothing can send the same bytes over the same loopback much faster.
 */
final class PlainStudyServer implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    PlainStudyServer(List<Path> files) throws IOException {
        long length = 0;
        for (Path file : files) {
            length += Files.size(file);
        }
        long total = length;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(threads);
        server.createContext("/study", exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
                exchange.sendResponseHeaders(200, total);
                byte[] buffer = new byte[BUFFER];
                try (OutputStream out = exchange.getResponseBody()) {
                    for (Path file : files) {
                        try (InputStream in = Files.newInputStream(file)) {
                            for (int n; (n = in.read(buffer)) != -1; ) {
                                out.write(buffer, 0, n);
                            }
                        }
                    }
                }
            }
        });
        server.start();
    }

    URI study() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/study");
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
