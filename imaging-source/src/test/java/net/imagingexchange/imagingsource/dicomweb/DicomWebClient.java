// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.imagingexchange.dicom.web.MultipartReader;
import net.imagingexchange.dicom.web.MultipartWriter;

/** A plain HTTP client of the DICOMweb endpoints, for tests: small bodies, read whole. */
final class DicomWebClient {

    static final String DICOM_MULTIPART = "multipart/related; type=\"application/dicom\"";
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String origin;

    DicomWebClient(int port) {
        origin = "http://127.0.0.1:" + port;
    }

    String root() {
        return origin + DicomWebUrls.SERVICE_PATH;
    }

    String origin() {
        return origin;
    }

    /** A received part: its headers and its body. */
    record Part(Map<String, String> headers, byte[] body) {
        String contentType() {
            return headers.get("Content-Type");
        }
    }

    /** A STOW-RS body of Part 10 files, and its Content-Type. */
    record Body(String contentType, byte[] bytes) {
    }

    static Body stowBody(List<byte[]> parts) throws IOException {
        var out = new ByteArrayOutputStream();
        var writer = new MultipartWriter(out);
        for (byte[] part : parts) {
            writer.writePart(Map.of("Content-Type", "application/dicom"), new ByteArrayInputStream(part));
        }
        writer.finish();
        return new Body(writer.contentType("application/dicom"), out.toByteArray());
    }

    static List<byte[]> read(List<Path> files) throws IOException {
        var bytes = new ArrayList<byte[]>();
        for (Path file : files) {
            bytes.add(Files.readAllBytes(file));
        }
        return bytes;
    }

    HttpResponse<byte[]> post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(root() + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> stow(String path, List<byte[]> parts) throws IOException, InterruptedException {
        Body body = stowBody(parts);
        return post(path, body.contentType(), body.bytes());
    }

    /** GET of a URL under the service root ({@code /studies/...}) or a full URL; Accept may be null. */
    HttpResponse<byte[]> get(String pathOrUrl, String accept) throws IOException, InterruptedException {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : pathOrUrl.startsWith("/imaging-source")
                ? origin + pathOrUrl : root() + pathOrUrl;
        var request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static List<Part> parts(HttpResponse<byte[]> response) throws IOException {
        String contentType = response.headers().firstValue("Content-Type").orElseThrow();
        var parts = new ArrayList<Part>();
        try (var reader = MultipartReader.of(new ByteArrayInputStream(response.body()), contentType)) {
            for (var part = reader.next(); part != null; part = reader.next()) {
                parts.add(new Part(part.headers(), part.body().readAllBytes()));
            }
        }
        return parts;
    }

    static JsonNode json(HttpResponse<byte[]> response) throws IOException {
        return JSON.readTree(new String(response.body(), StandardCharsets.UTF_8));
    }
}
