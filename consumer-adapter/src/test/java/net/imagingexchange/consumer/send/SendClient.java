// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The push API as a reading site's client calls it, over HTTP. */
final class SendClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    SendClient(String base) {
        this.base = base;
    }

    /** A QIDO-RS search by patient, which makes the study known to the façade (and to the push). */
    void search(String regionalId) throws Exception {
        var found = get("/consumer/dicomweb/studies?PatientID=" + regionalId);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    }

    HttpResponse<String> send(String study, String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/consumer/api/studies/" + study + "/send"
                + query)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> sendWithBody(String study, String json) throws Exception {
        return sendWithBody(study, "", json);
    }

    HttpResponse<String> sendWithBody(String study, String query, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/consumer/api/studies/" + study + "/send"
                        + query))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Queues the study for {@code destination} and returns the job's URL path. */
    String queue(String study, String destination) throws Exception {
        var accepted = send(study, "?destination=" + destination);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return accepted.headers().firstValue("Location").orElseThrow();
    }

    JsonNode job(String location) throws Exception {
        var job = get(location);
        assertThat(job.statusCode()).as(job.body()).isEqualTo(200);
        return JSON.readTree(job.body());
    }

    /** Polls the job until {@code until} holds, for at most {@code limit}; fails with the last view otherwise. */
    JsonNode await(String location, Predicate<JsonNode> until, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        JsonNode job = job(location);
        while (!until.test(job)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the job did not get there within " + limit + ": " + job.toPrettyString());
            }
            Thread.sleep(200);
            job = job(location);
        }
        return job;
    }

    static Predicate<JsonNode> state(String... states) {
        return job -> Set.of(states).contains(job.path("state").asText());
    }

    static JsonNode parse(String json) throws Exception {
        return JSON.readTree(json);
    }
}
