// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.xmlunit.assertj3.XmlAssert;

import net.imagingexchange.consumer.region.RegistryQueries;
import net.imagingexchange.consumer.testing.RegionTest;
import net.imagingexchange.imagingsource.testing.RegionClients;
import net.imagingexchange.imagingsource.testing.SyntheticStudy;

/**
 * Reports back end to end (issue 6 scope 3; spec/xdsi.md 6, 7.4): Péronne publishes a study, Saint-Quentin posts a
 * report as JSON, and the origin site finds it with ITI-18 FindDocumentsByReferenceId and reads it with ITI-43,
 * through the real registry and repository over HTTP.
 */
class ReportApiTest extends RegionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> NS = Map.of("v3", "urn:hl7-org:v3");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void registersAReportTheOriginSiteFindsByStudyInstanceUidLinkedLikeTheManifest() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.61.1", 2, 2);
        publish(study);

        var posted = post(report(study));

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        String uniqueId = JSON.readTree(posted.body()).path("uniqueId").asText();
        assertThat(posted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains(uniqueId));
        var region = new RegionClients(base());
        List<DocumentEntry> found = region.findByReferenceId(study.regionalCx(), List.of(AvailabilityStatus.APPROVED),
                RegistryQueries.studyReference(study.studyInstanceUid()));
        DocumentEntry kos = only(found, RegistryQueries.KOS_FORMAT.getCode());
        DocumentEntry report = only(found, ReportMetadata.FORMAT.getCode());
        assertThat(report.getUniqueId()).isEqualTo(uniqueId);
        assertThat(report.getMimeType()).isEqualTo("text/xml");
        assertThat(report.getTypeCode().getCode()).isEqualTo("18748-4");
        assertThat(report.getTypeCode().getSchemeName()).isEqualTo("2.16.840.1.113883.6.1");
        assertThat(report.getClassCode().getCode()).isEqualTo("REPORTS");
        assertThat(report.getReferenceIdList()).isNotEmpty().containsExactlyInAnyOrderElementsOf(
                kos.getReferenceIdList());
        assertThat(report.getEventCodeList()).isNotEmpty().containsExactlyInAnyOrderElementsOf(
                kos.getEventCodeList());
        assertThat(report.getLegalAuthenticator()).isNotNull();
        assertThat(report.getAuthors().get(0).getAuthorInstitution().get(0).getIdNumber())
                .isEqualTo("1.3.6.1.4.1.21367.2005.13.20.1000.5.2");

        Path cda = region.retrieve(report.getRepositoryUniqueId(), uniqueId, dir.resolve("report.xml"));
        CdaSchema.validate(cda);
        var doc = XmlAssert.assertThat(cda.toFile()).withNamespaceContext(NS);
        doc.valueByXPath("/v3:ClinicalDocument/v3:id/@root").isEqualTo(uniqueId);
        doc.valueByXPath("//v3:serviceEvent/v3:id/@root").isEqualTo(study.studyInstanceUid());
        doc.valueByXPath("//v3:inFulfillmentOf/v3:order/v3:id/@extension").isEqualTo(study.accessionNumber());
        doc.valueByXPath("/v3:ClinicalDocument/v3:recordTarget/v3:patientRole/v3:id/@extension")
                .isEqualTo(study.regionalId());
        String catalog = "/v3:ClinicalDocument/v3:component/v3:structuredBody/v3:component[1]/v3:section";
        doc.valueByXPath(catalog + "/v3:code/@code").isEqualTo("121181");
        doc.valueByXPath("count(" + catalog + "//v3:act[v3:code/@code='113015'])").isEqualTo("2");
        doc.valueByXPath("count(" + catalog + "//v3:observation[v3:id/@root='" + study.instanceUid(2, 2) + "'])")
                .isEqualTo("1");
        doc.valueByXPath(catalog + "//v3:observation[v3:id/@root='" + study.instanceUid(2, 2)
                + "']/v3:text/v3:reference/@value").endsWith("/series/" + study.seriesUid(2) + "/instances/"
                + study.instanceUid(2, 2));
    }

    @Test
    void aCorrectionReplacesTheReportWhichBecomesDeprecated() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.61.2", 1, 1);
        publish(study);
        String first = JSON.readTree(post(report(study)).body()).path("uniqueId").asText();

        var again = post(report(study));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).path("detail").asText()).contains(first).contains("replaces");

        ObjectNode correction = report(study).put("replaces", first).put("impression", "Nodule de 4 mm.");
        var corrected = post(correction);

        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
        JsonNode answer = JSON.readTree(corrected.body());
        String second = answer.path("uniqueId").asText();
        assertThat(answer.path("version").asInt()).isEqualTo(2);
        assertThat(answer.path("setId").asText()).isEqualTo(first);
        var region = new RegionClients(base());
        String reference = RegistryQueries.studyReference(study.studyInstanceUid());
        assertThat(region.findByReferenceId(study.regionalCx(), List.of(AvailabilityStatus.APPROVED), reference))
                .extracting(DocumentEntry::getUniqueId).contains(second).doesNotContain(first);
        assertThat(region.findByReferenceId(study.regionalCx(), List.of(AvailabilityStatus.DEPRECATED), reference))
                .extracting(DocumentEntry::getUniqueId).containsExactly(first);
        DocumentEntry approved = only(region.findByReferenceId(study.regionalCx(),
                List.of(AvailabilityStatus.APPROVED), reference), ReportMetadata.FORMAT.getCode());
        Path cda = region.retrieve(approved.getRepositoryUniqueId(), second, dir.resolve("corrected.xml"));
        CdaSchema.validate(cda);
        var doc = XmlAssert.assertThat(cda.toFile()).withNamespaceContext(NS);
        doc.valueByXPath("//v3:relatedDocument[@typeCode='RPLC']/v3:parentDocument/v3:id/@root").isEqualTo(first);
        doc.valueByXPath("/v3:ClinicalDocument/v3:setId/@root").isEqualTo(first);
        doc.valueByXPath("/v3:ClinicalDocument/v3:versionNumber/@value").isEqualTo("2");

        var stale = post(report(study).put("replaces", first));
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        assertThat(JSON.readTree(stale.body()).path("detail").asText()).contains(second);
    }

    @Test
    void refusesAReportForAStudyTheRegionDoesNotHaveAndRegistersNothing() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.61.3", 1, 1);
        publish(study);
        String unknown = "1.2.250.1.999.61.3999";

        var answer = post(report(study).put("studyInstanceUid", unknown));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(answer.body()).path("detail").asText()).contains(unknown);
        var region = new RegionClients(base());
        assertThat(region.findByReferenceId(study.regionalCx(), List.of(AvailabilityStatus.APPROVED,
                AvailabilityStatus.DEPRECATED), RegistryQueries.studyReference(unknown))).isEmpty();
        assertThat(region.findByReferenceId(study.regionalCx(), List.of(AvailabilityStatus.APPROVED),
                RegistryQueries.studyReference(study.studyInstanceUid())))
                .extracting(e -> e.getFormatCode().getCode()).doesNotContain(ReportMetadata.FORMAT.getCode());

        var wrongAccession = post(report(study).put("accessionNumber", "NOT-THIS-ONE"));
        assertThat(wrongAccession.statusCode()).as(wrongAccession.body()).isEqualTo(422);
        assertThat(JSON.readTree(wrongAccession.body()).path("detail").asText()).contains("accessionNumber");
    }

    @Test
    void refusesABodyThatIsNotJson() throws Exception {
        var answer = post("{\"patientId\": \"IDR1\", \"findings\": ");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("type").asText()).endsWith(":unreadable");
        assertThat(problem.path("detail").asText()).contains("not valid JSON").contains("line 1");
    }

    @Test
    void listsEveryMissingFieldByName() throws Exception {
        var answer = post("{\"patientId\": \"IDR1\", \"author\": {}, \"findings\": \"  \"}");

        assertThat(answer.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("type").asText()).endsWith(":missing-fields");
        assertThat(problem.path("fields")).extracting(JsonNode::asText).containsExactly("studyInstanceUid",
                "accessionNumber", "author.name", "institution", "findings", "impression", "status");
        assertThat(problem.path("detail").asText()).contains("studyInstanceUid", "author.name", "status");

        var wrongType = post("{\"patientId\": \"IDR1\", \"author\": \"Martin\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(wrongType.body()).path("fields")).extracting(JsonNode::asText)
                .containsExactly("author");
    }

    @Test
    void theOriginSiteListsTheStudysReportsAndReadsThemAsCdaOrEscapedHtml() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.61.4", 1, 1);
        publish(study);
        var posted = post(report(study).put("findings", "Opacité <script>alert('x')</script> & <b>gras</b>"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        String uniqueId = JSON.readTree(posted.body()).path("uniqueId").asText();

        var list = get("/consumer/api/reports?studyInstanceUid=" + study.studyInstanceUid() + "&patientId="
                + study.regionalId(), "application/json");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonNode reports = JSON.readTree(list.body());
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).path("uniqueId").asText()).isEqualTo(uniqueId);
        assertThat(reports.get(0).path("author").asText()).isEqualTo("Claire Martin");
        assertThat(reports.get(0).path("legallyAuthenticated").asBoolean()).isTrue();

        String document = "/consumer/api/reports/" + uniqueId + "?studyInstanceUid=" + study.studyInstanceUid()
                + "&patientId=" + study.regionalId();
        var xml = get(document, "text/xml");
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/xml"));
        assertThat(xml.body()).contains("&lt;script").doesNotContain("<script"); // StAX need not escape '>'
        CdaSchema.validate(writeTo(xml.body(), dir.resolve("via-api.xml")));
        var html = get(document, "text/html,application/xml;q=0.9,*/*;q=0.8");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/html"));
        assertThat(html.body()).contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;b&gt;gras&lt;/b&gt;")
                .doesNotContain("<script>").doesNotContain("<b>");

        var noPatient = get("/consumer/api/reports?studyInstanceUid=1.2.250.1.999.61.4999", "application/json");
        assertThat(noPatient.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noPatient.body()).path("fields")).extracting(JsonNode::asText)
                .containsExactly("patientId");
    }

    private static Path writeTo(String text, Path file) throws IOException {
        return Files.writeString(file, text);
    }

    private static ObjectNode report(SyntheticStudy study) {
        ObjectNode report = JSON.createObjectNode();
        report.put("patientId", study.regionalId());
        report.put("studyInstanceUid", study.studyInstanceUid());
        report.put("accessionNumber", study.accessionNumber());
        report.putObject("author").put("name", "Martin^Claire").put("id", "10001");
        report.put("institution", "Centre hospitalier de Saint-Quentin, imagerie");
        report.put("findings", "Pas de nodule.\n\nPas d'épanchement.");
        report.put("impression", "Examen normal.");
        report.put("status", "final");
        return report;
    }

    private static DocumentEntry only(List<DocumentEntry> entries, String formatCode) {
        var matching = entries.stream().filter(e -> formatCode.equals(e.getFormatCode().getCode())).toList();
        assertThat(matching).as("entries with formatCode " + formatCode).hasSize(1);
        return matching.get(0);
    }

    private HttpResponse<String> post(ObjectNode body) throws Exception {
        return post(JSON.writeValueAsString(body));
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/consumer/api/reports"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
