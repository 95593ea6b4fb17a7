// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import net.imagingexchange.imagingsource.testing.AuditListener;
import net.imagingexchange.imagingsource.testing.SyntheticStudy;

/**
 * Every WADO-RS and WADO-URI retrieve is audited as DICOM Instances Transferred (EventID 110104, action R), naming
 * the transaction, the study, its SOP classes with their counts, and the patient; read off a real syslog socket.
 */
@DicomWebTestApplication.DicomWebTest
class RetrieveAuditTest extends DicomWebTestBase {

    @Autowired
    AuditListener audit;

    @Test
    void aWadoRsStudyRetrieveAndAWadoUriRetrieveAreAudited() throws Exception {
        // a study no other class of the shared context stores
        var study = SyntheticStudy.of("1.2.250.1.999.76.9", 1, 2);
        source.ingest(study.write(dir));

        var wadoRs = client.get("/studies/" + study.studyInstanceUid(), null);
        var wadoUri = client.get("/imaging-source/wado?requestType=WADO&studyUID=" + study.studyInstanceUid()
                + "&seriesUID=" + study.seriesUid(1) + "&objectUID=" + study.instanceUid(1, 2)
                + "&contentType=application%2Fdicom", null);

        assertThat(wadoRs.statusCode()).isEqualTo(200);
        assertThat(wadoUri.statusCode()).isEqualTo(200);
        // the listener keeps the records of every class sharing the context: this study's only
        String ofThisStudy = "ParticipantObjectID=\"" + study.studyInstanceUid() + "\"";
        String rs = audit.receive(r -> r.contains("csd-code=\"RAD-107\"") && r.contains(ofThisStudy));
        String uri = audit.receive(r -> r.contains("csd-code=\"RAD-55\"") && r.contains(ofThisStudy));
        for (String record : List.of(rs, uri)) {
            assertThat(record).contains("csd-code=\"110104\"").contains("EventActionCode=\"R\"")
                    .contains("ParticipantObjectID=\"" + study.studyInstanceUid() + "\"")
                    .contains("ParticipantObjectID=\"" + study.patientId() + "^^^PERONNE\"")
                    .contains("UID=\"1.2.840.10008.5.1.4.1.1.2\"");
        }
        assertThat(rs).contains("NumberOfInstances=\"2\"");
        assertThat(uri).contains("NumberOfInstances=\"1\"");
    }
}
