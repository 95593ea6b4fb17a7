// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The limit's server, run in a JVM of its own: the JDK's plain HTTP/1.1 server ({@code com.sun.net.httpserver})
 * serving the repository's stored files as they are, {@code GET /<sha256>} answering the bytes of
 * {@code <documents>/ab/cd/<sha256>} with a Content-Length, read and written in 64 KiB blocks, keep-alive, one
 * thread per request. {@code GET /health} answers 200 once it listens.
 *
 * <p>usage: {@code PlainFileServer <documents directory> <port>} (on 127.0.0.1)
 */
public final class PlainFileServer {

    private static final Pattern SHA256 = Pattern.compile("/([0-9a-f]{64})");
    private static final int BUFFER = 64 * 1024;

    private PlainFileServer() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: PlainFileServer <documents directory> <port>");
            System.exit(2);
        }
        Path root = Path.of(args[0]).toAbsolutePath();
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(args[1])), 128);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            try (exchange) {
                serve(root, exchange);
            }
        });
        server.start();
        System.out.println("PlainFileServer: serving " + root + " on " + server.getAddress());
    }

    private static void serve(Path root, HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/health")) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        var name = SHA256.matcher(path);
        Path file = name.matches() ? root.resolve(name.group(1).substring(0, 2))
                .resolve(name.group(1).substring(2, 4)).resolve(name.group(1)) : null;
        if (!"GET".equals(exchange.getRequestMethod()) || file == null || !Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, Files.size(file));
        try (InputStream in = Files.newInputStream(file); OutputStream out = exchange.getResponseBody()) {
            byte[] buffer = new byte[BUFFER];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
        }
    }
}
