// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.rad69;

import static org.assertj.core.api.Assertions.assertThat;
import static net.imagingexchange.imagingsource.rad69.Rad69Client.EXPLICIT_VR_LITTLE_ENDIAN;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import net.imagingexchange.imagingsource.testing.AuditListener;
import net.imagingexchange.imagingsource.testing.IngestFixture;
import net.imagingexchange.imagingsource.testing.SyntheticStudy;

/**
 * ATNA: a RAD-69 call is audited by the Imaging Document Source as DICOM Instances Transferred (PS3.15 A.5.3.2,
 * IPF's RAD-69 server strategy), sent as RFC 5424 syslog over UDP to a real socket: one record for the instances
 * returned (outcome 0), one for those refused (outcome 8), each naming the study and its documents.
 */
@SpringBootTest(classes = Rad69TestServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class Rad69AuditTest {

    @LocalServerPort
    int port;
    @Autowired
    IngestFixture source;
    @Autowired
    AuditListener audit;

    @Test
    void auditsTheReturnedAndTheRefusedInstancesAsDicomInstancesTransferred() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.69.5", 1, 2);
        source.ingest(study.write(source.scratch("audited")));
        String unknown = study.seriesUid(1) + ".99";
        var client = new Rad69Client("http://127.0.0.1:" + port + "/imaging-source/rad69");

        var answer = client.retrieve(Rad69Client.Request.accepting(EXPLICIT_VR_LITTLE_ENDIAN)
                .instance(study.studyInstanceUid(), study.seriesUid(1), study.instanceUid(1, 1))
                .instance(study.studyInstanceUid(), study.seriesUid(1), unknown).build());

        assertThat(answer.getRegistryResponse().getStatus()).endsWith(":PartialSuccess");
        var records = audit.receiveAll(r -> r.contains("StudyIDs UID=\"" + study.studyInstanceUid() + "\""), 2);
        String returned = records.stream().filter(r -> r.contains("EventOutcomeIndicator=\"0\"")).findFirst()
                .orElseThrow();
        String refused = records.stream().filter(r -> r.contains("EventOutcomeIndicator=\"8\"")).findFirst()
                .orElseThrow();
        for (String record : records) {
            assertThat(record).contains("<EventID csd-code=\"110104\"")                 // DCM Instances Transferred
                    .contains("EventActionCode=\"R\"")
                    .contains("<EventTypeCode csd-code=\"RAD-69\"")
                    .contains("AuditSourceID=\"" + Rad69TestServer.AUDIT_SOURCE_ID + "\"")
                    .contains("ParticipantObjectID=\"" + study.studyInstanceUid() + "\"")
                    .contains("ParticipantObjectID=\"" + study.patientId() + "^^^PERONNE\"");  // the patient, looked up
        }
        assertThat(returned).contains(detail(study.instanceUid(1, 1))).doesNotContain(detail(unknown));
        assertThat(refused).contains(detail(unknown)).doesNotContain(detail(study.instanceUid(1, 1)));
    }

    // IPF writes ParticipantObjectDetail values base64-encoded (PS3.15 A.5.3.2 type ihe:DocumentUniqueId)
    private static String detail(String documentUniqueId) {
        return "type=\"ihe:DocumentUniqueId\" value=\""
                + Base64.getEncoder().encodeToString(documentUniqueId.getBytes(StandardCharsets.US_ASCII)) + "\"";
    }
}
