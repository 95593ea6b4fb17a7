// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import net.imagingexchange.atna.AuditContexts;
import net.imagingexchange.atna.AuditProperties;
import net.imagingexchange.imagingsource.testing.AuditListener;

/**
 * ATNA (issue 6): what a reading site's client read through the façade is a DICOM Instances Accessed record
 * (PS3.15 A.5.3.4), sent as RFC 5424 syslog over UDP to a real socket.
 */
class InstancesAccessedAuditTest {

    @Test
    void aRetrieveThroughTheFacadeIsAuditedWithItsStudyPatientAndSource() throws Exception {
        try (var listener = new AuditListener()) {
            var audit = new InstancesAccessedAudit(AuditContexts.create(new AuditProperties(true, "127.0.0.1",
                    listener.port(), AuditProperties.Transport.UDP, "SAINT-QUENTIN", "test-region")));
            var request = new MockHttpServletRequest("GET", "/consumer/dicomweb/studies/1.2.250.1.999.73.1");
            request.setRemoteAddr("127.0.0.2");

            audit.accessed("1.2.250.1.999.73.1", "IDR73^^^&1.3.6.1.4.1.21367.2005.13.20.1000&ISO",
                    List.of("http://peronne.example/imaging-source/dicomweb"), "2 instances could not be retrieved",
                    request);

            String record = listener.receive(r -> r.contains("1.2.250.1.999.73.1"));
            assertThat(record).contains("<EventID csd-code=\"110103\"") // DCM DICOM Instances Accessed
                    .contains("EventActionCode=\"R\"")
                    .contains("EventOutcomeIndicator=\"4\"") // minor failure: 2 instances missing
                    .contains("2 instances could not be retrieved")
                    .contains("<EventTypeCode csd-code=\"RAD-107\"")
                    .contains("ParticipantObjectID=\"IDR73^^^&amp;1.3.6.1.4.1.21367.2005.13.20.1000&amp;ISO\"")
                    .contains("http://peronne.example/imaging-source/dicomweb")
                    .contains("127.0.0.2");
        }
    }
}
