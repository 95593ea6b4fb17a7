// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The least any relay between a client and a server can do: a loopback TCP port whose connections are copied byte for
 * byte to the server and back (one thread per direction, 64 KiB buffers), parsing nothing. Retrieval through it is
 * the limit of a façade on the same machine: every byte crosses one more pair of sockets and one user-space copy.
 */
final class TcpRelay implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    private final ServerSocket listener;
    private final int targetPort;

    TcpRelay(int targetPort) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        var acceptor = new Thread(this::accept, "tcp-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                copy(client, server, "tcp-relay-up");
                copy(server, client, "tcp-relay-down");
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    RetrieveBench.progress("TCP relay: %s", e);
                }
            }
        }
    }

    private static void copy(Socket from, Socket to, String name) {
        var thread = new Thread(() -> {
            byte[] buffer = new byte[BUFFER];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) != -1; ) {
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // the other side closed: so does this direction
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // closing what is already broken
                }
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
