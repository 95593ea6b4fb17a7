// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.audit.DefaultAuditContext;
import org.openehealth.ipf.commons.audit.codes.EventActionCode;
import org.openehealth.ipf.commons.audit.codes.EventIdCode;
import org.openehealth.ipf.commons.audit.codes.EventOutcomeIndicator;
import org.openehealth.ipf.commons.audit.model.AuditMessage;
import org.openehealth.ipf.commons.audit.queue.RecordingAuditMessageQueue;

/** Each attempt that offered instances to the PACS leaves a DICOM Instances Transferred record (PS3.15 A.5.3.10). */
class InstancesTransferredAuditTest {

    @Test
    void anAttemptThatDeliveredSomeIsAMinorFailureNamingTheStudyThePatientAndThePacs() {
        var queue = new RecordingAuditMessageQueue();
        var context = new DefaultAuditContext();
        context.setAuditEnabled(true);
        context.setAuditMessageQueue(queue);
        var pacs = Destination.dicom("pacs", "10.1.2.3", 104, "PACS", "XDSI_CONSUMER",
                new SendProperties.Retry(Duration.ofSeconds(1), Duration.ofSeconds(1), 1));
        var job = SendJob.queued("job-1", "1.2.3", "pacs", 3, Instant.parse("2026-11-28T03:00:00Z"));

        new InstancesTransferredAudit(context).transferred(new InstancesTransferredAudit.Transfer(job, pacs,
                "XDSI_CONSUMER", "IDR1^^^&1.3.6.1.4.1.21367.2005.13.20.1000&ISO",
                Map.of("1.2.840.10008.5.1.4.1.1.2", 2), 1));

        assertThat(queue.getMessages()).hasSize(1);
        AuditMessage message = queue.getMessages().get(0);
        assertThat(message.getEventIdentification().getEventID()).isEqualTo(EventIdCode.DICOMInstancesTransferred);
        assertThat(message.getEventIdentification().getEventActionCode()).isEqualTo(EventActionCode.Read);
        assertThat(message.getEventIdentification().getEventOutcomeIndicator())
                .isEqualTo(EventOutcomeIndicator.MinorFailure);
        assertThat(message.getActiveParticipants()).anySatisfy(p -> {
            assertThat(p.getAlternativeUserID()).isEqualTo("AETITLES=PACS");
            assertThat(p.getNetworkAccessPointID()).isEqualTo("10.1.2.3");
        });
        assertThat(message.getParticipantObjectIdentifications()).anySatisfy(o ->
                assertThat(o.getParticipantObjectID()).isEqualTo("1.2.3"));
        assertThat(message.getParticipantObjectIdentifications()).anySatisfy(o ->
                assertThat(o.getParticipantObjectID()).startsWith("IDR1^^^"));
    }
}
