// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.imagingexchange.atna.AuditContexts;
import net.imagingexchange.atna.AuditProperties;
import net.imagingexchange.dicom.net.AcceptorSettings;
import net.imagingexchange.dicom.net.DicomServer;
import net.imagingexchange.dicom.testing.Dcmtk;
import net.imagingexchange.imagingsource.testing.AuditListener;
import net.imagingexchange.imagingsource.testing.IngestFixture;
import net.imagingexchange.imagingsource.testing.SyntheticStudy;

/**
 * What a PACS sends in one association is audited once per study when the association ends, as DICOM Instances
 * Transferred (EventID 110104, action C) naming the sender's AE title, the study, its SOP classes and the patient.
 */
class TransferAuditTest {

    @TempDir
    Path dir;

    @Test
    void oneRecordPerStudyOfAnAssociation() throws Exception {
        var first = SyntheticStudy.of("1.2.250.1.999.52.1", 1, 3);
        var second = SyntheticStudy.of("1.2.250.1.999.52.2", 1, 1);
        first.write(dir.resolve("sent"));
        second.write(dir.resolve("sent"));
        try (var listener = new AuditListener(); var fixture = new IngestFixture(dir.resolve("source"))) {
            var audit = AuditContexts.create(new AuditProperties(true, "127.0.0.1", listener.port(),
                    AuditProperties.Transport.UDP, "ingest-test", "test-region"));
            var ingest = new InstanceIngest(fixture.store, fixture.index, new TransferAudit(audit, "XDSI_SOURCE"));
            try (var scp = DicomServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    AcceptorSettings.defaults("XDSI_SOURCE"), ingest)) {

                Dcmtk.run("storescu", "-aet", "PERONNE_PACS", "-aec", "XDSI_SOURCE", "+sd", "127.0.0.1",
                        Integer.toString(scp.port()), dir.resolve("sent").toString());

                String firstRecord = listener.receive(r -> r.contains(first.studyInstanceUid()));
                String secondRecord = listener.receive(r -> r.contains(second.studyInstanceUid()));
                assertThat(firstRecord).contains("csd-code=\"110104\"").contains("EventActionCode=\"C\"")
                        .contains("AETITLES=PERONNE_PACS").contains("AETITLES=XDSI_SOURCE")
                        .contains("NumberOfInstances=\"3\"").contains(first.accessionNumber())
                        .contains("ParticipantObjectID=\"" + first.patientId() + "^^^PERONNE\"");
                assertThat(secondRecord).contains("NumberOfInstances=\"1\"");
            }
        }
    }
}
