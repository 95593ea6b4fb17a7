// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb.qido;

import static net.imagingexchange.imagingsource.dicomweb.qido.QidoTestSource.A1;
import static net.imagingexchange.imagingsource.dicomweb.qido.QidoTestSource.A2;
import static net.imagingexchange.imagingsource.dicomweb.qido.QidoTestSource.B1;
import static net.imagingexchange.imagingsource.dicomweb.qido.QidoTestSource.PATIENT_A;
import static net.imagingexchange.imagingsource.dicomweb.qido.QidoTestSource.PATIENT_B;
import static net.imagingexchange.imagingsource.dicomweb.qido.QidoTestSource.instance;
import static net.imagingexchange.imagingsource.dicomweb.qido.QidoTestSource.series;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * QIDO-RS over real HTTP against the three studies of {@link QidoTestSource}: every kind of match key, paging,
 * returned attributes, Retrieve URLs, and the refusals.
 */
@SpringBootTest(classes = QidoTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QidoRsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    AtomicReference<String> publicBaseUrl;

    @AfterEach
    void requestBaseUrlAgain() {
        publicBaseUrl.set("");
    }

    @Test
    void findsAPatientsStudiesByPatientIdWithTheDefaultStudyAttributes() throws Exception {
        var answer = get("/studies?PatientID=" + PATIENT_A);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/dicom+json");
        assertThat(answer.strings("0020000D")).containsExactly(A2, A1); // newest first
        JsonNode a1 = answer.json().get(1);
        assertThat(a1.fieldNames()).toIterable().containsExactly("00080005", "00080020", "00080030", "00080050",
                "00080056", "00080061", "00080090", "00080201", "00081190", "00100010", "00100020", "00100030",
                "00100040", "0020000D", "00200010", "00201206", "00201208");
        assertThat(value(a1, "00080005")).isEqualTo("ISO_IR 192");
        assertThat(value(a1, "00080020")).isEqualTo("20260110");
        assertThat(value(a1, "00080030")).isEqualTo("083000");
        assertThat(value(a1, "00080050")).isEqualTo("ACC-A1");
        assertThat(value(a1, "00080056")).isEqualTo("ONLINE");
        assertThat(value(a1, "00080201")).isEqualTo("+0100");
        assertThat(a1.at("/00100010/Value/0/Alphabetic").asText()).isEqualTo("Lefèvre^Zoé");
        assertThat(a1.at("/00080090/Value/0/Alphabetic").asText()).isEqualTo("Urgences^Médecin");
        assertThat(value(a1, "00100030")).isEqualTo("19610412");
        assertThat(value(a1, "00100040")).isEqualTo("F");
        assertThat(a1.at("/00201206/Value/0").asInt()).isEqualTo(2);
        assertThat(a1.at("/00201208/Value/0").asInt()).isEqualTo(3);
        assertThat(a1.at("/00201206/vr").asText()).isEqualTo("IS");
        assertThat(value(a1, "00081190")).isEqualTo(base() + "/studies/" + A1);
        assertThat(answer.json().get(0).has("00080201")).as("Timezone Offset only when known").isFalse();
    }

    @Test
    void writesAnEmptyType2AttributeWithoutValue() throws Exception {
        JsonNode b1 = get("/studies?PatientID=" + PATIENT_B).json().get(0);

        assertThat(b1.get("00080090").toString()).isEqualTo("{\"vr\":\"PN\"}");
    }

    @Test
    void matchesOnATagAsOnItsKeyword() throws Exception {
        assertThat(get("/studies?00100020=" + PATIENT_B).strings("0020000D")).containsExactly(B1);
        assertThat(get("/studies?0020000d=" + A2).strings("0020000D")).containsExactly(A2);
    }

    @Test
    void matchesAListOfStudyInstanceUidsSeparatedByCommasOrBackslashes() throws Exception {
        assertThat(get("/studies?StudyInstanceUID=" + A1 + "," + B1).strings("0020000D")).containsExactly(A1, B1);
        assertThat(get("/studies?StudyInstanceUID=" + A1 + "%5C" + A2).strings("0020000D")).containsExactly(A2, A1);
        assertThat(get("/series?SeriesInstanceUID=" + series(A1, 2) + "," + series(B1, 1)).strings("0020000E"))
                .containsExactlyInAnyOrder(series(A1, 2), series(B1, 1));
    }

    @Test
    void matchesPatientNameWildcardsWithoutRegardToCase() throws Exception {
        assertThat(get("/studies?PatientName=lef*").strings("0020000D")).containsExactly(A2, A1);
        assertThat(get("/studies?PatientName=M?RTIN%5Ep*").strings("0020000D")).containsExactly(B1);
        assertThat(get("/studies?PatientName=Lef%C3%A8vre%5EZo%C3%A9").strings("0020000D")).hasSize(2);
        assertThat(get("/studies?PatientName=Lef%C3%A8vre").strings("0020000D")).isEmpty();
    }

    @Test
    void matchesTextWildcardsWithCaseAndTreatsSqlPatternCharactersLiterally() throws Exception {
        assertThat(get("/studies?AccessionNumber=ACC-?1").strings("0020000D")).containsExactly(A1, B1);
        assertThat(get("/studies?AccessionNumber=acc-*").strings("0020000D")).isEmpty();
        assertThat(get("/studies?AccessionNumber=ACC_A*").strings("0020000D")).isEmpty();
        assertThat(get("/studies?AccessionNumber=ACC%25*").strings("0020000D")).isEmpty();
        assertThat(get("/studies?AccessionNumber=*").strings("0020000D")).hasSize(3);
        assertThat(get("/studies?StudyID=1&PatientSex=M").strings("0020000D")).containsExactly(B1);
        assertThat(get("/studies?PatientID=x'%20OR%20'1'='1").strings("0020000D")).isEmpty();
    }

    @Test
    void matchesStudyDateAndTimeRangesOpenOrClosed() throws Exception {
        assertThat(get("/studies?StudyDate=20260101-20261231").strings("0020000D")).containsExactly(A2, A1);
        assertThat(get("/studies?StudyDate=-20251231").strings("0020000D")).containsExactly(B1);
        assertThat(get("/studies?StudyDate=20260601-").strings("0020000D")).containsExactly(A2);
        assertThat(get("/studies?StudyDate=20260110").strings("0020000D")).containsExactly(A1);
        assertThat(get("/studies?StudyTime=0800-1415").strings("0020000D")).containsExactly(A2, A1);
        assertThat(get("/studies?StudyTime=1400-").strings("0020000D")).containsExactly(A2, B1);
        assertThat(get("/studies?PatientBirthDate=19700101-&StudyDate=20251201").strings("0020000D"))
                .containsExactly(B1);
    }

    @Test
    void matchesModalitiesInStudyAndReturnsEveryModalityOfTheStudy() throws Exception {
        var answer = get("/studies?ModalitiesInStudy=DX");

        assertThat(answer.strings("0020000D")).containsExactly(B1);
        assertThat(answer.json().at("/0/00080061/Value").toString()).isEqualTo("[\"CR\",\"DX\"]");
        assertThat(get("/studies?ModalitiesInStudy=MR,CR").strings("0020000D")).containsExactly(A2, B1);
        assertThat(get("/studies?ModalitiesInStudy=US").strings("0020000D")).isEmpty();
    }

    @Test
    void matchesSeriesAndInstanceKeysOfStudiesThroughTheirChildren() throws Exception {
        var byModality = get("/studies?Modality=MR");
        var bySopInstance = get("/studies?SOPInstanceUID=" + instance(A1, 2, 1));
        var seriesBySopClass = get("/series?SOPClassUID=" + QidoTestSource.DX);

        assertThat(byModality.strings("0020000D")).containsExactly(A2);
        assertThat(byModality.json().get(0).has("00080060")).as("series keys are not returned").isFalse();
        assertThat(bySopInstance.strings("0020000D")).containsExactly(A1);
        assertThat(seriesBySopClass.strings("0020000E")).containsExactly(series(B1, 2));
    }

    @Test
    void pagesWithLimitAndOffsetAndWarnsWhenMoreResultsFollow() throws Exception {
        var first = get("/studies?limit=2");
        var second = get("/studies?limit=2&offset=2");

        assertThat(first.strings("0020000D")).containsExactly(A2, A1);
        assertThat(first.warnings()).containsExactly("299 " + base()
                + ": There are additional results that can be requested.");
        assertThat(second.strings("0020000D")).containsExactly(B1);
        assertThat(second.warnings()).isEmpty();
        assertThat(get("/studies?offset=3").json()).isEmpty();
        assertThat(get("/instances?PatientID=" + PATIENT_A + "&limit=4&offset=1").strings("00080018"))
                .containsExactly(instance(A2, 1, 2), instance(A2, 1, 3), instance(A1, 1, 1), instance(A1, 1, 2));
    }

    @Test
    void returnsIncludefieldAttributesByKeywordTagOrAll() throws Exception {
        assertThat(get("/studies?StudyInstanceUID=" + A1).json().get(0).has("00081030")).isFalse();
        assertThat(value(get("/studies?StudyInstanceUID=" + A1 + "&includefield=StudyDescription").json().get(0),
                "00081030")).isEqualTo("CT THORAX");
        assertThat(value(get("/studies?StudyInstanceUID=" + A2 + "&includefield=00081030,IssuerOfPatientID")
                .json().get(0), "00100021")).isEqualTo("PERONNE");
        JsonNode all = get("/studies?StudyInstanceUID=" + B1 + "&includefield=all").json().get(0);
        assertThat(value(all, "00081030")).isEqualTo("THORAX FACE");
        assertThat(value(all, "00100021")).isEqualTo("PERONNE");
        assertThat(get("/studies?StudyInstanceUID=" + B1 + "&includefield=Modality&includefield=SeriesNumber")
                .json().get(0).has("00080060")).as("series attributes are not returned by a study search").isFalse();
        assertThat(value(get("/studies/" + A1 + "/series?includefield=BodyPartExamined").json().get(0), "00180015"))
                .isEqualTo("CHEST");
    }

    @Test
    void searchesTheSeriesOfAStudyWithCountsAndRetrieveUrls() throws Exception {
        var answer = get("/studies/" + A1 + "/series");

        assertThat(answer.strings("0020000E")).containsExactly(series(A1, 1), series(A1, 2));
        JsonNode first = answer.json().get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("00080005", "00080056", "00080060", "00080201",
                "0008103E", "00081190", "0020000E", "00200011", "00201209");
        assertThat(value(first, "00080060")).isEqualTo("CT");
        assertThat(value(first, "0008103E")).isEqualTo("Series 1");
        assertThat(first.at("/00200011/Value/0").asInt()).isEqualTo(1);
        assertThat(first.at("/00201209/Value/0").asInt()).isEqualTo(2);
        assertThat(answer.json().get(1).at("/00201209/Value/0").asInt()).isEqualTo(1);
        assertThat(value(first, "00081190")).isEqualTo(base() + "/studies/" + A1 + "/series/" + series(A1, 1));
        assertThat(get("/studies/" + A1 + "/series?SeriesNumber=2").strings("0020000E"))
                .containsExactly(series(A1, 2));
    }

    @Test
    void searchesAllSeriesWithTheirStudyAttributes() throws Exception {
        var answer = get("/series?Modality=C*&PatientID=" + PATIENT_B);

        assertThat(answer.strings("0020000E")).containsExactly(series(B1, 1));
        JsonNode cr = answer.json().get(0);
        assertThat(value(cr, "0020000D")).isEqualTo(B1);
        assertThat(value(cr, "00100020")).isEqualTo(PATIENT_B);
        assertThat(value(cr, "00080050")).isEqualTo("ACC-B1");
        assertThat(cr.at("/00201208/Value/0").asInt()).isEqualTo(2);
    }

    @Test
    void searchesInstancesWithTheirPixelDescriptionFromTheFileHeader() throws Exception {
        var ofSeries = get("/studies/" + A1 + "/series/" + series(A1, 1) + "/instances");
        var ofStudy = get("/studies/" + A2 + "/instances?InstanceNumber=3");
        var all = get("/instances?SOPClassUID=" + QidoTestSource.CR + "," + QidoTestSource.DX);

        assertThat(ofSeries.strings("00080018")).containsExactly(instance(A1, 1, 1), instance(A1, 1, 2));
        JsonNode ct = ofSeries.json().get(0);
        assertThat(ct.fieldNames()).toIterable().containsExactly("00080005", "00080016", "00080018", "00080056",
                "00080201", "00081190", "00200013", "00280010", "00280011", "00280100");
        assertThat(value(ct, "00080016")).isEqualTo(QidoTestSource.CT);
        assertThat(ct.at("/00200013/Value/0").asInt()).isEqualTo(1);
        assertThat(ct.at("/00280010/Value/0").asInt()).isEqualTo(QidoTestSource.SIZE);
        assertThat(ct.at("/00280011/Value/0").asInt()).isEqualTo(QidoTestSource.SIZE);
        assertThat(ct.at("/00280100/Value/0").asInt()).isEqualTo(16);
        assertThat(value(ct, "00081190")).isEqualTo(base() + "/studies/" + A1 + "/series/" + series(A1, 1)
                + "/instances/" + instance(A1, 1, 1));
        assertThat(ofStudy.strings("00080018")).containsExactly(instance(A2, 1, 3));
        JsonNode mr = ofStudy.json().get(0);
        assertThat(mr.at("/00280008/Value/0").asInt()).isEqualTo(1);
        assertThat(value(mr, "00080060")).as("series attributes of a study's instances").isEqualTo("MR");
        assertThat(mr.has("00100020")).as("no study attributes for a study's instances").isFalse();
        assertThat(all.strings("00080018")).containsExactly(instance(B1, 1, 1), instance(B1, 2, 1));
        assertThat(value(all.json().get(0), "00100020")).isEqualTo(PATIENT_B);
    }

    @Test
    void answersAnEmptyArrayWhenNothingMatchesOrTheStudyIsUnknown() throws Exception {
        var nobody = get("/studies?PatientID=NOBODY");
        var unknownStudy = get("/studies/1.2.250.1.999.61.404/series");

        assertThat(nobody.status()).isEqualTo(200);
        assertThat(nobody.body()).isEqualTo("[]");
        assertThat(unknownStudy.status()).isEqualTo(200);
        assertThat(unknownStudy.body()).isEqualTo("[]");
        assertThat(get("/studies/" + A1 + "/series/" + series(A2, 1) + "/instances").body()).isEqualTo("[]");
    }

    @Test
    void refusesAnUnknownQueryKeyWithAProblemNamingIt() throws Exception {
        var answer = get("/studies?PatientId=" + PATIENT_A);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.json().get("type").asText())
                .isEqualTo("https://imagingexchange.net/problems/qido/invalid-parameter");
        assertThat(answer.json().get("status").asInt()).isEqualTo(400);
        assertThat(answer.json().get("parameter").asText()).isEqualTo("PatientId");
        assertThat(answer.json().get("detail").asText()).contains("\"PatientId\" is neither a search parameter nor"
                + " a DICOM attribute keyword");
        assertThat(get("/studies?includefield=StudyDescriptio").json().get("parameter").asText())
                .isEqualTo("includefield");
    }

    @Test
    void refusesMalformedDatesAndRanges() throws Exception {
        for (String bad : List.of("2026-01-01", "20261301", "20260101-2026", "-", "20261231-20260101",
                "2026010120261231")) {
            var answer = get("/studies?StudyDate=" + bad);

            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.json().get("parameter").asText()).isEqualTo("StudyDate");
        }
        assertThat(get("/studies?StudyTime=2500").json().get("detail").asText())
                .startsWith("StudyTime takes a time or a range of them (PS3.4 C.2.2.2.5)");
        assertThat(get("/series?SeriesNumber=two").json().get("parameter").asText()).isEqualTo("SeriesNumber");
    }

    @Test
    void refusesALimitOrOffsetThatIsNotAnUnsignedIntegerOrALimitAboveTheMaximum() throws Exception {
        var words = get("/studies?limit=ten");
        var above = get("/studies?limit=1001");
        var negative = get("/studies?offset=-1");

        assertThat(words.status()).isEqualTo(400);
        assertThat(words.json().get("parameter").asText()).isEqualTo("limit");
        assertThat(above.status()).isEqualTo(400);
        assertThat(above.json().get("detail").asText()).contains("between 1 and 1000");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("parameter").asText()).isEqualTo("offset");
        assertThat(get("/studies?limit=99999999999").status()).isEqualTo(400);
    }

    @Test
    void refusesAPathSegmentOrUidListValueThatIsNotAUid() throws Exception {
        var path = get("/studies/not-a-uid/series");
        var list = get("/studies?StudyInstanceUID=" + A1 + ",1.2.x");

        assertThat(path.status()).isEqualTo(400);
        assertThat(path.json().get("parameter").asText()).isEqualTo("study");
        assertThat(list.status()).isEqualTo(400);
        assertThat(list.json().get("detail").asText()).contains("not \"1.2.x\"");
    }

    @Test
    void refusesAMatchKeyGivenTwice() throws Exception {
        assertThat(get("/studies?PatientID=" + PATIENT_A + "&PatientID=" + PATIENT_B).status()).isEqualTo(400);
        assertThat(get("/studies?PatientID=" + PATIENT_A + "&00100020=" + PATIENT_B).json().get("detail").asText())
                .contains("given twice");
    }

    @Test
    void ignoresMatchKeysOnAttributesItDoesNotHoldAndSaysSoInAWarning() throws Exception {
        var answer = get("/studies?InstitutionalDepartmentName=RADIO&NumberOfStudyRelatedSeries=9"
                + "&RequestAttributesSequence.RequestedProcedureID=7&PatientID=" + PATIENT_A);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.strings("0020000D")).containsExactly(A2, A1);
        assertThat(answer.warnings()).containsExactly("299 " + base() + ": The following attributes are not"
                + " supported for matching and were ignored: InstitutionalDepartmentName, NumberOfStudyRelatedSeries,"
                + " RequestAttributesSequence.RequestedProcedureID");
        assertThat(answer.json().get(0).has("00081040")).isFalse();
    }

    @Test
    void warnsThatFuzzyMatchingIsNotPerformed() throws Exception {
        var fuzzy = get("/studies?PatientName=lefevre*&fuzzymatching=true");

        assertThat(fuzzy.json()).isEmpty();
        assertThat(fuzzy.warnings()).containsExactly("299 " + base()
                + ": The fuzzymatching parameter is not supported. Only literal matching has been performed.");
        assertThat(get("/studies?fuzzymatching=false").warnings()).isEmpty();
        assertThat(get("/studies?fuzzymatching=yes").status()).isEqualTo(400);
    }

    @Test
    void buildsRetrieveUrlsOnTheConfiguredPublicBaseUrl() throws Exception {
        publicBaseUrl.set("https://pacs.peronne.example/imaging-source/dicomweb/");

        var answer = get("/series?SeriesInstanceUID=" + series(B1, 2));

        assertThat(value(answer.json().get(0), "00081190")).isEqualTo("https://pacs.peronne.example/imaging-source"
                + "/dicomweb/studies/" + B1 + "/series/" + series(B1, 2));
    }

    @Test
    void answersInPlainJsonOnlyToAClientThatAsksForNothingElse() throws Exception {
        assertThat(get("/studies", "Accept", "application/json").contentType()).isEqualTo("application/json");
        assertThat(get("/studies", "Accept", "*/*").contentType()).isEqualTo("application/dicom+json");
        assertThat(get("/studies?accept=application/dicom%2Bjson", "Accept", "text/html").status()).isEqualTo(200);
    }

    @Test
    void refusesToAnswerInAMediaTypeOtherThanJson() throws Exception {
        var xml = get("/studies", "Accept", "multipart/related; type=\"application/dicom+xml\"");

        assertThat(xml.status()).isEqualTo(406);
        assertThat(xml.contentType()).isEqualTo("application/problem+json");
        assertThat(xml.json().get("parameter").asText()).isEqualTo("Accept");
    }

    private String base() {
        return "http://localhost:" + port + "/imaging-source/dicomweb";
    }

    private Answer get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().allValues("Warning"), response.body());
    }

    private static String value(JsonNode result, String tag) {
        return result.at("/" + tag + "/Value/0").asText();
    }

    record Answer(int status, String contentType, List<String> warnings, String body) {

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        /** The first value of {@code tag} in each result, in order. */
        List<String> strings(String tag) throws IOException {
            assertThat(status).as("status of " + body).isEqualTo(200);
            var values = new ArrayList<String>();
            json().forEach(result -> values.add(value(result, tag)));
            return values;
        }
    }
}
