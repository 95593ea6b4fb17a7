// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import net.imagingexchange.atna.AuditContexts;
import net.imagingexchange.atna.AuditProperties;
import net.imagingexchange.consumer.RegionalPatients;
import net.imagingexchange.consumer.region.StudyCatalogue;
import net.imagingexchange.consumer.testing.RegionTest;
import net.imagingexchange.imagingsource.testing.AuditListener;
import net.imagingexchange.imagingsource.testing.SyntheticStudy;
import net.imagingexchange.xds.soap.ProvideAndRegisterClient;

/**
 * ATNA (issue 6): sending a report is audited by the Document Source as an ITI-41 PHI Export (ITI TF-2b 3.41.5.1,
 * IPF's ITI-41 client strategy), sent as RFC 5424 syslog over UDP to a real socket. The region's shared context has
 * auditing off, so the report source here is built with {@code new} around an audit context of its own.
 */
class ReportAuditTest extends RegionTest {

    private static final String AUDIT_SOURCE_ID = "SAINT-QUENTIN-REPORTS";

    @Autowired
    RegionalPatients patients;
    @Autowired
    StudyCatalogue studies;
    @Autowired
    ReportCatalogue reports;
    @Autowired
    ReportProperties site;
    @Autowired
    Clock clock;

    @Test
    void auditsTheSentReportAsAnExportOfThePatientsDocument() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.62.1", 1, 1);
        publish(study);
        try (var listener = new AuditListener()) {
            var audit = AuditContexts.create(new AuditProperties(true, "127.0.0.1", listener.port(),
                    AuditProperties.Transport.UDP, AUDIT_SOURCE_ID, "test-region"));
            var repository = ProvideAndRegisterClient.of(() -> base() + "/repository/iti41", Duration.ofSeconds(5),
                    Duration.ofSeconds(60), audit);
            var writing = new ReportSource.ReportWriting(new CdaWriter(site.realmCode(),
                    CodedValue.parse(site.confidentialityCode()), site.languageCode()),
                    new ReportMetadata(site, UUID::randomUUID), new DocumentIds(site.documentUidRoot(), clock), site,
                    dir.resolve("outgoing"));
            var source = new ReportSource(patients, studies, reports, writing, repository, clock);

            var submitted = source.submit(new ReportRequest(study.regionalId(), study.studyInstanceUid(),
                    study.accessionNumber(), new ReportRequest.Author("Martin^Claire", null), "CH Saint-Quentin",
                    "Pas de nodule.", "Examen normal.", "final", null, null));

            String record = listener.receive(r -> r.contains("<EventTypeCode csd-code=\"ITI-41\""));
            assertThat(record).contains("<EventID csd-code=\"110106\"")        // DCM Export
                    .contains("EventActionCode=\"R\"")
                    .contains("EventOutcomeIndicator=\"0\"")
                    .contains("AuditSourceID=\"" + AUDIT_SOURCE_ID + "\"")
                    .contains("ParticipantObjectID=\"" + study.regionalCx().replace("&", "&amp;") + "\"")
                    .contains(base() + "/repository/iti41");
            assertThat(submitted.uniqueId()).startsWith(site.documentUidRoot() + ".");
        }
    }
}
