// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback between a client and a server, that can fail the way networks do: refuse the request,
 * or pass it on and lose the answer (the server acted, the client never hears of it).
 */
public final class FaultyProxy implements AutoCloseable {

    public enum Mode {
        /** Connections are accepted and closed at once: the request never reaches the server. */
        REFUSE,
        /** The request reaches the server; the connection is closed when its answer begins. */
        LOSE_ANSWER,
        /** The request reaches the server; its answer is cut after {@link #cutAfter} bytes (a source breaking off). */
        CUT_ANSWER,
        /** Bytes pass both ways. */
        PASS
    }

    private final ServerSocket listener;
    private volatile int targetPort;
    private volatile long cutAfter = 4096;

    private volatile Mode mode = Mode.REFUSE;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    public FaultyProxy() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        var acceptor = new Thread(this::accept, "faulty-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy for a test class's static field, refusing until told otherwise. */
    public static FaultyProxy start() {
        try {
            return new FaultyProxy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** {@link Mode#CUT_ANSWER}, each answer cut after {@code bytes} (its headers included). */
    public void cutAfter(long bytes) {
        this.cutAfter = bytes;
        mode(Mode.CUT_ANSWER);
    }

    public void target(int port) {
        this.targetPort = port;
    }

    /** Changes how new connections fare; a change to any mode but {@link Mode#PASS} also cuts the open ones, as a
     * peer going down does (a client would otherwise go on through a kept-alive connection, unharmed). */
    public void mode(Mode mode) {
        this.mode = mode;
        if (mode != Mode.PASS) {
            for (Socket client : open) {
                try {
                    client.close();
                } catch (IOException e) {
                    // already closed
                }
            }
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                var connection = new Thread(() -> serve(client, mode), "faulty-proxy-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client, Mode current) {
        open.add(client);
        try (client) {
            if (current == Mode.REFUSE) {
                return;
            }
            try (Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
                var upstream = new Thread(() -> pump(client, server), "faulty-proxy-upstream");
                upstream.setDaemon(true);
                upstream.start();
                InputStream answer = server.getInputStream();
                OutputStream out = client.getOutputStream();
                byte[] buffer = new byte[64 * 1024];
                long passed = 0;
                int n;
                while ((n = answer.read(buffer)) != -1) {
                    if (current == Mode.LOSE_ANSWER) {
                        return; // the server answered: it acted; the client hears nothing
                    }
                    int pass = current == Mode.CUT_ANSWER ? (int) Math.min(n, cutAfter - passed) : n;
                    out.write(buffer, 0, pass);
                    out.flush();
                    passed += pass;
                    if (pass < n) {
                        return; // the rest of the answer never comes
                    }
                }
            }
        } catch (IOException e) {
            // a side went away: so does the connection
        } finally {
            open.remove(client);
        }
    }

    private static void pump(Socket client, Socket server) {
        try {
            client.getInputStream().transferTo(server.getOutputStream());
        } catch (IOException e) {
            // closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
