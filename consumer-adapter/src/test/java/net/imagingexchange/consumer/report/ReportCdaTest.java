// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXException;
import org.xmlunit.assertj3.XmlAssert;

import net.imagingexchange.consumer.manifest.StudyManifest;

/** The CDA writer on its own (spec/xdsi.md 6.2-6.4, 7.4): a hand-made report, the CDA R2 schema, XPath. */
class ReportCdaTest {

    private static final Map<String, String> NS = Map.of("v3", "urn:hl7-org:v3");
    private static final String STUDY = "1.2.250.1.999.12.1";

    @TempDir
    Path dir;

    @Test
    void theStudysTimeIsATsToThePrecisionTheManifestGives() {
        assertThat(CdaWriter.studyTime("20261127", "101500.123")).hasValue("20261127101500");
        assertThat(CdaWriter.studyTime("20261127", "1015")).hasValue("202611271015");
        assertThat(CdaWriter.studyTime("2026.11.27", "10:15")).hasValue("202611271015"); // ACR-NEMA forms, PS3.5 6.2
        assertThat(CdaWriter.studyTime("20261127", "")).hasValue("20261127");
        assertThat(CdaWriter.studyTime("20261399", "10")).isEmpty();
        assertThat(CdaWriter.studyTime("", "10")).isEmpty();
    }

    @Test
    void writesAFinalReportThatValidatesAgainstTheCdaR2Schema() throws Exception {
        Path cda = write(report(ReportRequest.Status.FINAL, Optional.empty(), Optional.of("1.2.250.1.999.7")));

        CdaSchema.validate(cda);
        String xml = Files.readString(cda);
        var doc = XmlAssert.assertThat(xml).withNamespaceContext(NS);
        doc.valueByXPath("/v3:ClinicalDocument/v3:id/@root").isEqualTo("1.2.3.4.100");
        doc.valueByXPath("/v3:ClinicalDocument/v3:code/@code").isEqualTo("18748-4");
        doc.valueByXPath("count(/v3:ClinicalDocument/v3:templateId[@root='1.2.840.10008.9.1'])").isEqualTo("1");
        doc.valueByXPath("/v3:ClinicalDocument/v3:setId/@root").isEqualTo("1.2.3.4.100");
        doc.valueByXPath("/v3:ClinicalDocument/v3:versionNumber/@value").isEqualTo("1");
        doc.valueByXPath("/v3:ClinicalDocument/v3:effectiveTime/@value").isEqualTo("20261127091500+0100");
        doc.valueByXPath("//v3:serviceEvent/v3:id/@root").isEqualTo(STUDY);
        doc.valueByXPath("//v3:inFulfillmentOf/v3:order/v3:id/@extension").isEqualTo("ACC42");
        doc.valueByXPath("//v3:inFulfillmentOf/v3:order/v3:id/@root").isEqualTo("1.2.250.1.999.7");
        doc.valueByXPath("//v3:legalAuthenticator/v3:signatureCode/@code").isEqualTo("S");
        doc.valueByXPath("count(//v3:relatedDocument)").isEqualTo("0");
        // the DICOM Object Catalog is the first section, and lists the manifest's UIDs with WADO-RS URLs
        String first = "/v3:ClinicalDocument/v3:component/v3:structuredBody/v3:component[1]/v3:section";
        doc.valueByXPath(first + "/v3:code/@code").isEqualTo("121181");
        doc.valueByXPath(first + "/v3:entry/v3:act/v3:id/@root").isEqualTo(STUDY);
        doc.valueByXPath("count(" + first + "//v3:act[v3:code/@code='113015'])").isEqualTo("2");
        doc.valueByXPath("count(" + first + "//v3:observation[@classCode='DGIMG'])").isEqualTo("3");
        doc.valueByXPath(first + "//v3:observation[v3:id/@root='" + STUDY + ".2.1']/v3:text/v3:reference/@value")
                .isEqualTo("http://peronne.example/dicomweb/studies/" + STUDY + "/series/" + STUDY
                        + ".2/instances/" + STUDY + ".2.1");
        doc.valueByXPath(first + "//v3:qualifier/v3:value/@code").isEqualTo("CT");
        doc.valueByXPath("//v3:section[v3:code/@code='59776-5']/v3:text/v3:paragraph[2]")
                .isEqualTo("Pas d'épanchement & rien < 3 mm.");
        doc.valueByXPath("//v3:section[v3:code/@code='19005-8']/v3:text").isEqualTo("Examen normal.");
    }

    @Test
    void writesACorrectionAsANewVersionOfTheSameSetWithRplc() throws Exception {
        var parent = new ClinicalReport.Parent("1.2.3.4.99", "1.2.3.4.98", 2);
        Path cda = write(report(ReportRequest.Status.PRELIMINARY, Optional.of(parent), Optional.empty()));

        CdaSchema.validate(cda);
        var doc = XmlAssert.assertThat(Files.readString(cda)).withNamespaceContext(NS);
        doc.valueByXPath("/v3:ClinicalDocument/v3:setId/@root").isEqualTo("1.2.3.4.98");
        doc.valueByXPath("/v3:ClinicalDocument/v3:versionNumber/@value").isEqualTo("3");
        doc.valueByXPath("//v3:relatedDocument/@typeCode").isEqualTo("RPLC");
        doc.valueByXPath("//v3:relatedDocument/v3:parentDocument/v3:id/@root").isEqualTo("1.2.3.4.99");
        doc.valueByXPath("count(//v3:legalAuthenticator)").isEqualTo("0");
        doc.valueByXPath("//v3:inFulfillmentOf/v3:order/v3:id/@nullFlavor").isEqualTo("UNK");
        assertThat(ReportCatalogue.version(cda)).isEqualTo(new ClinicalReport.Parent("1.2.3.4.100", "1.2.3.4.98", 3));
    }

    @Test
    void theSchemaRejectsADocumentWithoutItsRequiredHeader() throws Exception {
        Path broken = dir.resolve("broken.xml");
        Files.writeString(broken, "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>x</title></ClinicalDocument>");

        assertThatThrownBy(() -> CdaSchema.validate(broken)).isInstanceOf(SAXException.class);
    }

    @Test
    void rendersMarkupInTheReportAsTextInHtml() throws Exception {
        Path cda = write(report(ReportRequest.Status.FINAL, Optional.empty(), Optional.empty()));
        Path html = dir.resolve("report.html");

        try (OutputStream out = Files.newOutputStream(html)) {
            new ReportRendering().render(cda, out);
        }

        String page = Files.readString(html, StandardCharsets.UTF_8);
        // the JDK's HTML output method writes non-ASCII letters as entity references
        assertThat(page).contains("<p>Pas d'&eacute;panchement &amp; rien &lt; 3 mm.</p>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>")
                .contains("CH Saint-Quentin &lt;Radiologie&gt;")
                .contains("Lef&egrave;vre");
    }

    @Test
    void choosesHtmlOnlyWhenTheAcceptHeaderPrefersIt() {
        assertThat(AcceptedMedia.prefersHtml("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"))
                .isTrue();
        assertThat(AcceptedMedia.prefersHtml("*/*")).isFalse();
        assertThat(AcceptedMedia.prefersHtml("text/xml")).isFalse();
        assertThat(AcceptedMedia.prefersHtml("text/xml;q=0.5, text/html")).isTrue();
        assertThat(AcceptedMedia.prefersHtml("not a media type")).isFalse();
    }

    @Test
    void followsBothReadingsOfTheRetrieveUrl() {
        var series = new StudyManifest.SeriesReference("1.2.3.1", "AE", "1.9", "http://h/dicomweb/", List.of());
        assertThat(ObjectCatalog.wadoRs(series, "1.2.3", "1.2.3.1.1"))
                .contains("http://h/dicomweb/studies/1.2.3/series/1.2.3.1/instances/1.2.3.1.1");
        var resource = new StudyManifest.SeriesReference("1.2.3.1", "AE", "1.9",
                "http://h/dicomweb/studies/1.2.3/series/1.2.3.1", List.of());
        assertThat(ObjectCatalog.wadoRs(resource, "1.2.3", "1.2.3.1.1"))
                .contains("http://h/dicomweb/studies/1.2.3/series/1.2.3.1/instances/1.2.3.1.1");
        var none = new StudyManifest.SeriesReference("1.2.3.1", "AE", "1.9", "", List.of());
        assertThat(ObjectCatalog.wadoRs(none, "1.2.3", "1.2.3.1.1")).isEmpty();
    }

    private Path write(ClinicalReport report) throws Exception {
        Path cda = dir.resolve(report.document().id() + ".xml");
        try (OutputStream out = Files.newOutputStream(cda)) {
            new CdaWriter("FR", CodedValue.parse("N^2.16.840.1.113883.5.25^normal"), "fr-FR").write(report, out);
        }
        return cda;
    }

    private static ClinicalReport report(ReportRequest.Status status, Optional<ClinicalReport.Parent> parent,
                                         Optional<String> accessionIssuer) {
        String base = "http://peronne.example/dicomweb";
        var series = List.of(
                new StudyManifest.SeriesReference(STUDY + ".1", "XDSI_SOURCE", "1.9", base, List.of(
                        new StudyManifest.InstanceReference("1.2.840.10008.5.1.4.1.1.2", STUDY + ".1.1"),
                        new StudyManifest.InstanceReference("1.2.840.10008.5.1.4.1.1.2", STUDY + ".1.2"))),
                new StudyManifest.SeriesReference(STUDY + ".2", "XDSI_SOURCE", "1.9", base, List.of(
                        new StudyManifest.InstanceReference("1.2.840.10008.5.1.4.1.1.2", STUDY + ".2.1"))));
        var manifest = new StudyManifest("1.2.250.1.999.12.9",
                new StudyManifest.Patient("Lefèvre^Zoé", "PER-1", "PERONNE", "19610412", "F"),
                new StudyManifest.Study(STUDY, "20261127", "023015.5", "ACC42", "1", "CT THORAX",
                        "Urgences^Médecin"), series);
        var org = new ClinicalReport.Organization("1.2.3.4.5", "CH Saint-Quentin <Radiologie>");
        var document = new ClinicalReport.Document("1.2.3.4.100", parent.map(ClinicalReport.Parent::setId)
                .orElse("1.2.3.4.100"), parent.map(p -> p.version() + 1).orElse(1),
                ZonedDateTime.of(2026, 11, 27, 9, 15, 0, 0, ZoneId.of("Europe/Paris")), "Scanner thoracique", parent);
        return new ClinicalReport(document,
                new ClinicalReport.Patient("1.3.6.1.4.1.21367.2005.13.20.1000", "IDR1", "Lefèvre^Zoé", "19610412",
                        "F"),
                new ClinicalReport.Author("Martin^Claire", Optional.of("10001"), org),
                new ClinicalReport.Organization("1.2.3.4.5", "Centre hospitalier de Saint-Quentin"), manifest,
                Optional.of(new CodedValue("CT", "1.2.840.10008.2.16.4", "Computed Tomography")),
                new ClinicalReport.Accession("ACC42", accessionIssuer),
                "Pas de nodule <script>alert(1)</script>.\n\nPas d'épanchement & rien < 3 mm.", "Examen normal.",
                status);
    }
}
