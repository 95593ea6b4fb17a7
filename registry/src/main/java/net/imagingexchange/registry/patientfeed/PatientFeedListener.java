// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.patientfeed;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.app.ServerConfiguration.ApplicationExceptionPolicy;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.util.StandardSocketFactory;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;

/**
 * The MLLP listener of the ITI-8 Patient Identity Feed (ITI TF-2 3.8; MLLP per ITI TF-2 Appendix C): HAPI's
 * {@code SimpleServer} handing every message to one {@link ReceivingApplication}. {@link #start()} binds and
 * {@link #close()} stops it; a port of -1 disables it.
 */
public class PatientFeedListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PatientFeedListener.class);

    /** Where to listen. {@code port} 0 picks a free port ({@link #port()} tells which), -1 disables the listener. */
    public record Binding(InetAddress address, int port) {
        public boolean disabled() {
            return port < 0;
        }
    }

    private final ReceivingApplication<Message> application;
    private final Binding binding;
    private final Clock clock;
    private final AtomicReference<ServerSocket> socket = new AtomicReference<>();
    private HapiContext context;
    private HL7Service server;

    public PatientFeedListener(ReceivingApplication<Message> application, Binding binding, Clock clock) {
        this.application = application;
        this.binding = binding;
        this.clock = clock;
    }

    /** Binds the port and starts accepting connections; fails when the port cannot be bound. */
    public synchronized void start() {
        if (binding.disabled() || server != null) {
            return;
        }
        // An executor of our own: HAPI's default one is shared by the JVM, and closing any context shuts it down.
        context = new DefaultHapiContext(Executors.newCachedThreadPool(new ListenerThreads()));
        context.getParserConfiguration().setIdGenerator(new AckControlIds(clock));
        context.setSocketFactory(new BindingSocketFactory());
        // Only PID-3 and MRG-1 matter here: a malformed birth date must not refuse the feed (no validation), and
        // parse failures get our NAK (ParseFailureNak) instead of HAPI's.
        context.setValidationContext(ValidationContextFactory.noValidation());
        context.getServerConfiguration().setApplicationExceptionPolicy(ApplicationExceptionPolicy.DO_NOT_RESPOND);
        server = context.newServer(binding.port(), false);
        server.registerApplication(application);
        server.setExceptionHandler(new ParseFailureNak(context));
        try {
            server.startAndWait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while starting the ITI-8 listener", e);
        }
        if (socket.get() == null || !socket.get().isBound()) {
            close();
            throw new IllegalStateException("ITI-8 listener cannot bind " + binding.address() + ":" + binding.port()
                    + " (registry.patient-feed-port)");
        }
        LOG.info("ITI-8 Patient Identity Feed listening on {}", socket.get().getLocalSocketAddress());
    }

    /** The bound TCP port, or -1 when the listener is disabled or not started. */
    public int port() {
        ServerSocket bound = socket.get();
        return bound == null || !bound.isBound() ? -1 : bound.getLocalPort();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stopAndWait();
            server = null;
        }
        if (context != null) {
            try {
                context.close();
            } catch (IOException e) {
                LOG.warn("ITI-8 listener: HAPI context did not close cleanly", e);
            }
            context = null;
        }
        socket.set(null);
    }

    /**
     * HAPI binds {@code new InetSocketAddress(port)}, every interface; this factory moves that bind to the configured
     * address and keeps the socket, so that {@link #port()} can report a port picked by the system.
     */
    private final class BindingSocketFactory extends StandardSocketFactory {
        @Override
        public ServerSocket createServerSocket() throws IOException {
            var created = new ServerSocket() {
                @Override
                public void bind(SocketAddress endpoint, int backlog) throws IOException {
                    super.bind(new InetSocketAddress(binding.address(), ((InetSocketAddress) endpoint).getPort()),
                            backlog);
                }
            };
            created.setReuseAddress(true);
            socket.set(created);
            return created;
        }
    }

    /** Names the listener's threads {@code iti8-N}, so thread dumps show where they belong. */
    private static final class ListenerThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            var thread = new Thread(task, "iti8-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
