// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The imaging source's status API, as the hospital's IT team uses it. */
public final class Studies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public Studies(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The study's status (JSON), or null when it is unknown. */
    public JsonNode status(String studyInstanceUid) throws Exception {
        var response = get("/imaging-source/api/studies/" + studyInstanceUid);
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    /**
     * Waits until the study's status satisfies {@code condition}; fails after {@code limit} with the last status.
     * Not a timing assertion: the limit only keeps a broken build from hanging.
     */
    public JsonNode awaitStatus(String studyInstanceUid, Predicate<JsonNode> condition, Duration limit)
            throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = status(studyInstanceUid);
            if (last != null && condition.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("study " + studyInstanceUid + " did not get there within " + limit + "; last: "
                + last);
    }

    public static Predicate<JsonNode> published() {
        return s -> "PUBLISHED".equals(s.path("state").asText()) && s.path("upToDate").asBoolean();
    }

    public static Predicate<JsonNode> inState(String state) {
        return s -> state.equals(s.path("state").asText());
    }
}
