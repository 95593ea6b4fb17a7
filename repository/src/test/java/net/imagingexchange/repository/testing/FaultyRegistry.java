// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Document Registry that fails the way real ones do, on a real loopback socket: it hangs after reading the
 * request, or its connection breaks halfway through the request (the registry stopped mid-submission).
 */
public final class FaultyRegistry implements AutoCloseable {

    /** How the next ITI-42 requests fail. */
    public enum Fault {
        /** Reads the whole request and never answers. */
        HANGS,
        /** Reads the first bytes of the request, then drops the connection. */
        STOPS_MID_REQUEST
    }

    private final ServerSocket server;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Fault fault = Fault.HANGS;

    public FaultyRegistry() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        var acceptor = new Thread(this::accept, "faulty-registry");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/registry/iti42";
    }

    public void fault(Fault next) {
        this.fault = next;
    }

    /** ITI-42 requests that reached this registry. */
    public int requests() {
        return requests.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                requests.incrementAndGet();
                var handler = new Thread(() -> serve(socket, fault), "faulty-registry-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void serve(Socket socket, Fault fault) {
        try (InputStream in = socket.getInputStream()) {
            byte[] buffer = new byte[8192];
            if (fault == Fault.STOPS_MID_REQUEST) {
                in.read(buffer, 0, 1000);
                socket.setSoLinger(true, 0); // reset, as a process that dies does
                socket.close();
                return;
            }
            while (in.read(buffer) != -1) {
                // swallow the request and keep the connection open without answering
            }
        } catch (IOException e) {
            // the repository gave up
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
