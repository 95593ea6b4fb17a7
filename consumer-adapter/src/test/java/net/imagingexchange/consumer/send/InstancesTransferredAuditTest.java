// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import net.imagingexchange.atna.AuditContexts;
import net.imagingexchange.atna.AuditProperties;
import net.imagingexchange.imagingsource.testing.AuditListener;

/**
 * Each attempt that offered instances to the PACS leaves a DICOM Instances Transferred record (PS3.15 A.5.3.10), sent
 * as RFC 5424 syslog over UDP to a real socket.
 */
class InstancesTransferredAuditTest {

    @Test
    void anAttemptThatDeliveredSomeIsAMinorFailureNamingTheStudyThePatientAndThePacs() throws Exception {
        try (var listener = new AuditListener()) {
            var context = AuditContexts.create(new AuditProperties(true, "127.0.0.1", listener.port(),
                    AuditProperties.Transport.UDP, "SAINT-QUENTIN", "test-region"));
            var pacs = Destination.dicom("pacs", "10.1.2.3", 104, "PACS", "XDSI_CONSUMER",
                    new SendProperties.Retry(Duration.ofSeconds(1), Duration.ofSeconds(1), 1));
            var job = SendJob.queued("job-1", "1.2.3", "pacs", 3, Instant.parse("2026-11-28T03:00:00Z"));

            new InstancesTransferredAudit(context).transferred(new InstancesTransferredAudit.Transfer(job, pacs,
                    "IDR1^^^&1.3.6.1.4.1.21367.2005.13.20.1000&ISO", "ACC-1",
                    Map.of("1.2.840.10008.5.1.4.1.1.2", 2), 1));

            String record = listener.receive(r -> r.contains("ParticipantObjectID=\"1.2.3\""));
            assertThat(record).contains("<EventID csd-code=\"110104\"") // DICOM Instances Transferred
                    .contains("EventActionCode=\"R\"")
                    .contains("EventOutcomeIndicator=\"4\"") // minor failure
                    .contains("AlternativeUserID=\"AETITLES=PACS\"")
                    .contains("NetworkAccessPointID=\"10.1.2.3\"")
                    .contains("ParticipantObjectID=\"IDR1^^^")
                    .contains("<Accession Number=\"ACC-1\" />"); // PS3.15 A.5.3.10: the study's accession number
        }
    }
}
