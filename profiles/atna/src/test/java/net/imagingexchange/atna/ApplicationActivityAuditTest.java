// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.atna;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Application Start / Stop (DICOM PS3.15 A.5.3.1) reach a real syslog socket (RFC 5426, UDP); the listener takes only
 * the start and stop events, not the context's every event.
 */
class ApplicationActivityAuditTest {

    @Test
    void theStopOfTheApplicationIsAuditedAndOtherEventsAreNotListenedTo() throws Exception {
        try (var socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(10_000);
            var audit = new ApplicationActivityAudit(AuditContexts.create(new AuditProperties(true, "127.0.0.1",
                    socket.getLocalPort(), AuditProperties.Transport.UDP, "TEST-EXCHANGE", "test-region")),
                    "imaging-exchange");

            assertThat(audit.supportsEventType(ContextClosedEvent.class)).isTrue();
            assertThat(audit.supportsEventType(ContextRefreshedEvent.class)).isFalse();

            try (var context = new GenericApplicationContext()) {
                context.refresh();
                audit.onApplicationEvent(new ContextClosedEvent(context));
            }
            var packet = new DatagramPacket(new byte[65_536], 65_536);
            socket.receive(packet);
            String record = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            assertThat(record).contains("<EventID csd-code=\"110100\"") // Application Activity
                    .contains("csd-code=\"110121\"") // Application Stop
                    .contains("AuditSourceID=\"TEST-EXCHANGE\"")
                    .contains("UserID=\"imaging-exchange\"");
        }
    }
}
