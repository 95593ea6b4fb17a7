// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A syslog receiver on a real loopback UDP socket (RFC 5426), as an Audit Record Repository listens. */
public final class AuditListener implements AutoCloseable {

    private final DatagramSocket socket;

    public AuditListener() throws IOException {
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    }

    public int port() {
        return socket.getLocalPort();
    }

    /**
     * Reads records until one matches. The socket timeout only ends a test whose record never comes; it asserts
     * nothing about time.
     */
    public synchronized String receive(Predicate<String> wanted) throws IOException {
        var seen = new ArrayList<String>();
        socket.setSoTimeout(10_000);
        while (true) {
            var packet = new DatagramPacket(new byte[65_536], 65_536);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no matching audit record arrived; saw " + seen);
            }
            String record = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            if (wanted.test(record)) {
                return record;
            }
            seen.add(record);
        }
    }

    /** The next {@code count} records that match, skipping the others. */
    public synchronized List<String> receiveAll(Predicate<String> wanted, int count) throws IOException {
        var records = new ArrayList<String>();
        while (records.size() < count) {
            records.add(receive(wanted));
        }
        return records;
    }

    @Override
    public void close() {
        socket.close();
    }
}
