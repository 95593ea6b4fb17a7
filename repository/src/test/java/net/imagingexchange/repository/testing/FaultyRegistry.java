// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of the real registry that fails the way registries and networks do, on real loopback
 * sockets: it hangs after reading the request, drops the connection halfway through the request (the registry
 * stopped mid-submission), or lets the registry process the request and then loses its answer.
 */
public final class FaultyRegistry implements AutoCloseable {

    /** What happens to the next connections. */
    public enum Fault {
        /** Forwards both ways: no fault. */
        NONE,
        /** Reads the whole request and never answers. */
        HANGS,
        /** Reads the first bytes of the request, then drops the connection. */
        STOPS_MID_REQUEST,
        /** Forwards the request; once the registry starts answering (it has committed), drops the connection. */
        LOSES_ANSWER
    }

    private final ServerSocket server;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Fault fault = Fault.NONE;
    private volatile int upstreamPort = -1;

    public FaultyRegistry() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        daemon(this::accept, "faulty-registry");
    }

    /** This proxy's address for {@code path}, e.g. {@code /registry/iti42}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    /** Where the real registry listens, on 127.0.0.1. */
    public void forwardTo(int port) {
        this.upstreamPort = port;
    }

    /** The fault of the next connections; open (pooled) connections are closed, so clients connect anew. */
    public void fault(Fault next) {
        this.fault = next;
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
        open.clear();
    }

    /** Connections that reached this proxy. */
    public int connections() {
        return connections.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                connections.incrementAndGet();
                Fault now = fault;
                daemon(() -> serve(client, now), "faulty-registry-connection");
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client, Fault now) {
        try {
            switch (now) {
                case HANGS -> client.getInputStream().transferTo(OutputStream.nullOutputStream());
                case STOPS_MID_REQUEST -> {
                    client.getInputStream().readNBytes(1000);
                    reset(client);
                }
                case NONE, LOSES_ANSWER -> forward(client, now == Fault.LOSES_ANSWER);
            }
        } catch (IOException e) {
            // one side gave up
        }
    }

    private void forward(Socket client, boolean loseAnswer) throws IOException {
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
        open.add(upstream);
        daemon(() -> pipe(client, upstream), "faulty-registry-request");
        InputStream answer = upstream.getInputStream();
        if (loseAnswer) {
            answer.read(); // the registry answers only after its transaction committed
            reset(client);
            upstream.close();
            return;
        }
        pipe(upstream, client);
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // closed
        }
    }

    // a reset, as the peer of a process that died sees it
    private static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    private static void daemon(Runnable task, String name) {
        var thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
