// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import net.imagingexchange.dicom.net.DimseStatus;
import net.imagingexchange.dicom.web.MultipartWriter;

/**
 * STOW-RS to a DICOMweb destination (PS3.18 10.5): one POST of {@code multipart/related; type="application/dicom"}
 * with a part per instance, each Part 10 file as spooled. The body is written through a pipe while the HTTP client
 * sends it, so no more than the pipe's buffer is in memory; the answer's Store Instances Response Module (Annex I)
 * gives each instance's outcome.
 */
public final class StowRsDelivery implements Delivery {

    private static final int PIPE_BUFFER = 256 * 1024;
    /** A response module lists each instance in about 300 bytes: this allows more than 100,000 of them. */
    private static final int MAX_RESPONSE = 32 * 1024 * 1024;
    private static final int QUOTED_BODY = 300;

    private final HttpClient http;
    private final Duration responseTimeout;

    public StowRsDelivery(Duration connectTimeout, Duration responseTimeout) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        this.responseTimeout = responseTimeout;
    }

    @Override
    public void deliver(Destination destination, List<SpooledInstance> instances, Progress progress)
            throws DestinationException, IOException {
        if (instances.isEmpty()) {
            return;
        }
        var pipe = new PipedInputStream(PIPE_BUFFER);
        var body = new PipedOutputStream(pipe);
        var multipart = new MultipartWriter(body);
        var request = HttpRequest.newBuilder(destination.stowUrl())
                .header("Content-Type", multipart.contentType("application/dicom"))
                .header("Accept", "application/dicom+json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> pipe))
                .build();
        CompletableFuture<HttpResponse<InputStream>> answer = http.sendAsync(request,
                HttpResponse.BodyHandlers.ofInputStream());
        // an answer before the body's end (an error, a refused connection) stops the writing below
        answer.whenComplete((response, failure) -> closeQuietly(pipe));
        IOException writing = null;
        try {
            write(multipart, instances);
            multipart.close();
        } catch (IOException e) {
            // the destination answered early (the pipe is closed), or a spooled file failed: the body ends here,
            // without its close delimiter, so that no truncated instance can pass for a whole one
            writing = e;
            body.close();
        }
        HttpResponse<InputStream> response = await(destination, answer, writing);
        outcomes(destination, response, instances, progress);
    }

    private static void write(MultipartWriter multipart, List<SpooledInstance> instances) throws IOException {
        for (SpooledInstance instance : instances) {
            // PS3.18 10.5.1.2: one Part 10 instance per part; its transfer syntax is in its meta information
            OutputStream part = multipart.beginPart(Map.of("Content-Type", "application/dicom"));
            Files.copy(instance.file(), part);
        }
    }

    private HttpResponse<InputStream> await(Destination destination, CompletableFuture<HttpResponse<InputStream>>
            answer, IOException writing) throws DestinationException {
        try {
            return answer.get(responseTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new DestinationException(destination.describe() + " could not be reached: "
                    + CStoreDelivery.describe(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new DestinationException(destination.describe() + " did not answer within " + responseTimeout
                    + (writing != null ? " (" + writing.getMessage() + ")" : ""), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DestinationException("interrupted while waiting for " + destination.describe(), e);
        }
    }

    /** PS3.18 Table 10.5.3-1: 200 all stored, 202 some, 4xx/5xx none, each instance named in the module. */
    private static void outcomes(Destination destination, HttpResponse<InputStream> response,
                                 List<SpooledInstance> instances, Progress progress)
            throws DestinationException, IOException {
        int status = response.statusCode();
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_RESPONSE + 1);
        }
        StowResponse module = StowResponse.SILENT;
        boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
        if (json && body.length > 0 && body.length <= MAX_RESPONSE) {
            try {
                module = StowResponse.parse(body);
            } catch (IOException e) {
                module = StowResponse.SILENT;
            }
        }
        if (status == 200 && module.failed().isEmpty()) {
            for (SpooledInstance instance : instances) {
                progress.delivered(instance);
            }
            return;
        }
        String answered = destination.describe() + " answered HTTP " + status;
        if (!module.namesAny()) {
            throw new DestinationException(answered + quote(body), null);
        }
        for (SpooledInstance instance : instances) {
            Integer reason = module.failed().get(instance.sopInstanceUid());
            if (reason != null) {
                progress.failed(instance, StowResponse.hex(reason), answered + ": Failure Reason "
                        + DimseStatus.hex(reason) + " ("
                        + StowResponse.meaning(reason) + ")");
            } else if (module.stored().contains(instance.sopInstanceUid())) {
                progress.delivered(instance);
            } else {
                progress.failed(instance, "HTTP " + status, answered + " without naming the instance");
            }
        }
    }

    private static String quote(byte[] body) {
        if (body.length == 0) {
            return " without a body";
        }
        String text = new String(body, 0, Math.min(body.length, QUOTED_BODY), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").strip();
        return ": " + text + (body.length > QUOTED_BODY ? "..." : "");
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // nothing to do: the writer sees a closed pipe
        }
    }
}
