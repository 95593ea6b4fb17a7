// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DICOM upper-layer acceptor (PS3.8) serving C-ECHO and C-STORE SCP, one thread per association up to
 * {@link AcceptorSettings#maxAssociations()}; one more is answered with a transient A-ASSOCIATE-RJ.
 */
public final class DicomServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DicomServer.class);

    private final ServerSocket server;
    private final AcceptorSettings settings;
    private final StoreHandler store;
    private final ExecutorService associations;
    private final Semaphore slots;
    private final AtomicInteger active = new AtomicInteger();

    private DicomServer(ServerSocket server, AcceptorSettings settings, StoreHandler store) {
        this.server = server;
        this.settings = settings;
        this.store = store;
        this.slots = new Semaphore(settings.maxAssociations());
        var threads = new AtomicInteger();
        this.associations = Executors.newCachedThreadPool(task -> {
            var thread = new Thread(task, "dicom-association-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Listens on {@code address} (port 0 picks a free port) and serves until closed. */
    public static DicomServer start(InetSocketAddress address, AcceptorSettings settings, StoreHandler store)
            throws IOException {
        return start(address, settings, store, new ServerSocket());
    }

    /**
     * Listens with TLS (PS3.15 B.1 secure transport connection profiles): the peer must present a certificate
     * that {@code tls}'s trust managers accept.
     */
    public static DicomServer startTls(InetSocketAddress address, AcceptorSettings settings, StoreHandler store,
                                       SSLContext tls) throws IOException {
        var socket = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket();
        socket.setNeedClientAuth(true);
        socket.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        return start(address, settings, store, socket);
    }

    private static DicomServer start(InetSocketAddress address, AcceptorSettings settings, StoreHandler store,
                                     ServerSocket socket) throws IOException {
        socket.setReuseAddress(true);
        socket.bind(address, 128);
        var server = new DicomServer(socket, settings, store);
        var acceptor = new Thread(server::accept, "dicom-acceptor-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.info("DICOM SCP {} listening on {}", settings.aeTitle(), socket.getLocalSocketAddress());
        return server;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Associations being served now. */
    public int activeAssociations() {
        return active.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (!slots.tryAcquire()) {
                refuse(socket);
                continue;
            }
            active.incrementAndGet();
            associations.execute(new AcceptedAssociation(socket, settings, store, () -> {
                active.decrementAndGet();
                slots.release();
            }));
        }
    }

    // PS3.8 Table 9-21: transient, service provider (presentation), local limit exceeded
    private static void refuse(Socket socket) {
        try (socket; OutputStream out = socket.getOutputStream()) {
            out.write(Pdus.associateReject(2, 3, 2));
        } catch (IOException e) {
            LOG.debug("could not refuse {}", socket.getRemoteSocketAddress(), e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        associations.shutdownNow();
    }
}
