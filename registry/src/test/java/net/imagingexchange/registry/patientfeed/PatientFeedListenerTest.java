// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.patientfeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.protocol.ReceivingApplication;

/** The listener's life cycle on real loopback sockets, without the registry behind it. */
class PatientFeedListenerTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /** Acknowledges everything. */
    private static final class AcceptAll implements ReceivingApplication<Message> {
        @Override
        public Message processMessage(Message message, Map<String, Object> metadata) throws HL7Exception {
            try {
                return message.generateACK();
            } catch (IOException e) {
                throw new HL7Exception(e);
            }
        }

        @Override
        public boolean canProcess(Message message) {
            return true;
        }
    }

    @Test
    void reportsThePortTheSystemPickedAndReleasesItOnClose() throws Exception {
        var listener = new PatientFeedListener(new AcceptAll(), new PatientFeedListener.Binding(LOOPBACK, 0),
                Clock.systemUTC());
        listener.start();
        int port = listener.port();
        try (var socket = new MllpSocket(port)) {
            socket.send(FeedSamples.load("a04-v231.hl7"));
            assertThat(socket.receive()).contains("\rMSA|AA|ITI8-1004");
        } finally {
            listener.close();
        }

        assertThat(port).isPositive();
        assertThat(listener.port()).isEqualTo(-1);
        assertThatThrownBy(() -> new MllpSocket(port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void refusesToStartWhenThePortIsTaken() throws Exception {
        try (var taken = new ServerSocket(0, 50, LOOPBACK)) {
            var listener = new PatientFeedListener(new AcceptAll(),
                    new PatientFeedListener.Binding(LOOPBACK, taken.getLocalPort()), Clock.systemUTC());

            assertThatThrownBy(listener::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("registry.patient-feed-port");
            listener.close();
        }
    }

    @Test
    void staysClosedWhenDisabled() {
        var listener = new PatientFeedListener(new AcceptAll(), new PatientFeedListener.Binding(LOOPBACK, -1),
                Clock.systemUTC());

        listener.start();

        assertThat(listener.port()).isEqualTo(-1);
        listener.close();
    }
}
