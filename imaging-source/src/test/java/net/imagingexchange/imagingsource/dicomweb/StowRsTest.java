// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import net.imagingexchange.imagingsource.testing.SyntheticStudy;

/** STOW-RS on a real server: each part stored or refused alone, the answer listing both (PS3.18 10.5, Annex I). */
@DicomWebTestApplication.DicomWebTest
class StowRsTest extends DicomWebTestBase {

    static final int CANNOT_UNDERSTAND = 0xC000;
    static final int DOES_NOT_MATCH = 0xA900;

    @Test
    void storesEveryInstanceAndAnswersTheirRetrieveUrls() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.71.1", 1, 3);
        List<Path> files = study.write(dir);

        var response = client.stow("/studies", DicomWebClient.read(files));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/dicom+json");
        JsonNode answer = DicomWebClient.json(response);
        assertThat(answer.at("/00081190/Value/0").asText()).isEqualTo(client.root() + "/studies/"
                + study.studyInstanceUid());
        assertThat(answer.has("00081198")).isFalse();
        JsonNode referenced = answer.at("/00081199/Value");
        assertThat(referenced).hasSize(3);
        for (int i = 1; i <= 3; i++) {
            JsonNode item = referenced.get(i - 1);
            assertThat(item.at("/00081150/Value/0").asText()).isEqualTo("1.2.840.10008.5.1.4.1.1.2");
            assertThat(item.at("/00081155/Value/0").asText()).isEqualTo(study.instanceUid(1, i));
            assertThat(item.at("/00081190/Value/0").asText()).isEqualTo(client.root() + "/studies/"
                    + study.studyInstanceUid() + "/series/" + study.seriesUid(1) + "/instances/"
                    + study.instanceUid(1, i));
        }
        for (Path sent : files) {
            var stored = source.index.instance(sent.getFileName().toString().replace(".dcm", "")).orElseThrow();
            assertThat(source.store.file(stored.fileName())).hasSameBinaryContentAs(sent);
        }
    }

    @Test
    void storesTheOtherPartsWhenOnePartIsTruncatedAndListsItsFailure() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.71.2", 1, 3);
        List<byte[]> parts = DicomWebClient.read(study.write(dir));
        parts.set(1, Arrays.copyOf(parts.get(1), 700)); // the meta information and a part of the data set

        var response = client.stow("/studies", parts);

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode answer = DicomWebClient.json(response);
        assertThat(answer.at("/00081199/Value")).hasSize(2);
        JsonNode failed = answer.at("/00081198/Value");
        assertThat(failed).hasSize(1);
        assertThat(failed.at("/0/00081155/Value/0").asText()).isEqualTo(study.instanceUid(1, 2));
        assertThat(failed.at("/0/00081197/Value/0").asInt()).isEqualTo(CANNOT_UNDERSTAND);
        assertThat(response.headers().allValues("Warning")).singleElement().asString()
                .contains("C000 " + study.instanceUid(1, 2) + ": data set cannot be parsed");
        assertThat(source.index.instancesOfStudy(study.studyInstanceUid())).hasSize(2);
        assertThat(source.index.instance(study.instanceUid(1, 2))).isEmpty();
    }

    @Test
    void aPartThatIsNotDicomFailsAloneWithoutUids() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.71.3", 1, 1);
        List<byte[]> parts = DicomWebClient.read(study.write(dir));
        parts.add(0, "not a DICOM file".getBytes(StandardCharsets.US_ASCII));

        var response = client.stow("/studies", parts);

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode failed = DicomWebClient.json(response).at("/00081198/Value/0");
        assertThat(failed.has("00081155")).isFalse();
        assertThat(failed.at("/00081197/Value/0").asInt()).isEqualTo(CANNOT_UNDERSTAND);
        assertThat(response.headers().firstValue("Warning").orElseThrow())
                .contains("part 1 is not a DICOM Part 10 file");
    }

    @Test
    void refusesEveryInstanceOfAnotherStudyPostedToAStudyUrl() throws Exception {
        var other = SyntheticStudy.of("1.2.250.1.999.71.4", 1, 2);

        var response = client.stow("/studies/1.2.250.1.999.71.40", DicomWebClient.read(other.write(dir)));

        // PS3.18 Table 10.5.3-1: nothing stored, a Study Instance UID mismatch, is a conflict
        assertThat(response.statusCode()).isEqualTo(409);
        JsonNode answer = DicomWebClient.json(response);
        assertThat(answer.at("/00081190/Value/0").asText()).endsWith("/studies/1.2.250.1.999.71.40");
        assertThat(answer.at("/00081198/Value")).hasSize(2);
        assertThat(answer.at("/00081198/Value/0/00081197/Value/0").asInt()).isEqualTo(DOES_NOT_MATCH);
        assertThat(answer.at("/00081198/Value/0/00081155/Value/0").asText()).isEqualTo(other.instanceUid(1, 1));
        assertThat(response.headers().firstValue("Warning").orElseThrow())
                .contains("Study Instance UID 1.2.250.1.999.71.4 is not the study 1.2.250.1.999.71.40");
        assertThat(source.index.study(other.studyInstanceUid())).isEmpty();
    }

    @Test
    void storesOnlyTheInstancesOfTheStudyOfTheUrl() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.71.5", 1, 2);
        var other = SyntheticStudy.of("1.2.250.1.999.71.6", 1, 1);
        List<byte[]> parts = DicomWebClient.read(study.write(dir.resolve("a")));
        parts.addAll(1, DicomWebClient.read(other.write(dir.resolve("b"))));

        var response = client.stow("/studies/" + study.studyInstanceUid(), parts);

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode answer = DicomWebClient.json(response);
        assertThat(answer.at("/00081199/Value")).hasSize(2);
        assertThat(answer.at("/00081198/Value/0/00081155/Value/0").asText()).isEqualTo(other.instanceUid(1, 1));
        assertThat(source.index.instancesOfStudy(study.studyInstanceUid())).hasSize(2);
        assertThat(source.index.study(other.studyInstanceUid())).isEmpty();
    }

    @Test
    void refusesABodyThatIsNotMultipartRelatedDicom() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.71.7", 1, 1);
        byte[] file = Files.readAllBytes(study.write(dir).get(0));
        var json = DicomWebClient.stowBody(List.of(file));

        var single = client.post("/studies", "application/dicom", file);
        var metadataAndBulk = client.post("/studies", json.contentType().replace("\"application/dicom\"",
                "\"application/dicom+json\""), json.bytes());

        assertThat(single.statusCode()).isEqualTo(415);
        assertThat(single.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(DicomWebClient.json(single).get("detail").asText())
                .contains("application/dicom is not stored").contains("multipart/related; type=\"application/dicom\"");
        assertThat(metadataAndBulk.statusCode()).isEqualTo(415);
        assertThat(DicomWebClient.json(metadataAndBulk).get("detail").asText()).contains("application/dicom+json");
        assertThat(source.index.study(study.studyInstanceUid())).isEmpty();
    }

    @Test
    void refusesABodyWithoutPartsAndAStudyThatIsNoUid() throws Exception {
        var empty = client.post("/studies", "multipart/related; type=\"application/dicom\"; boundary=b",
                "--b--\r\n".getBytes(StandardCharsets.US_ASCII));
        var notUid = client.stow("/studies/PER-1234", List.of(new byte[] {1, 2}));

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(DicomWebClient.json(empty).get("detail").asText()).contains("no parts");
        assertThat(notUid.statusCode()).isEqualTo(400);
        assertThat(DicomWebClient.json(notUid).get("detail").asText()).contains("\"PER-1234\" of the URL is not a UID");
    }

    @Test
    void refusesAnAcceptItCannotAnswer() throws Exception {
        var body = DicomWebClient.stowBody(List.of(new byte[] {1, 2}));
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.root() + "/studies"))
                .header("Content-Type", body.contentType())
                .header("Accept", "multipart/related; type=\"application/dicom+xml\"")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build();

        var response = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(response.body()).contains("offered as application/dicom+json only");
    }

    @Test
    void keepsWhatWasStoredWhenTheBodyEndsInsideAPart() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.71.8", 1, 3);
        var body = DicomWebClient.stowBody(DicomWebClient.read(study.write(dir)));
        byte[] cut = Arrays.copyOf(body.bytes(), body.bytes().length - 3000); // inside the third part

        var response = client.post("/studies", body.contentType(), cut);

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode answer = DicomWebClient.json(response);
        assertThat(answer.at("/00081199/Value")).hasSize(2);
        assertThat(answer.at("/00081198/Value/0/00081155/Value/0").asText()).isEqualTo(study.instanceUid(1, 3));
        assertThat(response.headers().firstValue("Warning").orElseThrow()).contains("body broken inside part 3");
        assertThat(source.index.instancesOfStudy(study.studyInstanceUid())).hasSize(2);
    }
}
