// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb.qido;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A throwaway Orthanc (Debian's {@code /usr/sbin/Orthanc} with the {@code orthanc-dicomweb} plugin) as a DICOMweb
 * client of this source: its own configuration, storage and log under a test directory, REST API on a free port,
 * no DICOM server, no authentication. Orthanc 1.10 cannot be told to bind to loopback only, so its REST API listens
 * on every interface but answers loopback clients only ({@code RemoteAccessAllowed: false}).
 */
final class OrthancPeer implements AutoCloseable {

    static final Path ORTHANC = Path.of("/usr/sbin/Orthanc");
    static final Path DICOMWEB_PLUGIN = Path.of("/usr/share/orthanc/plugins/libOrthancDicomWeb.so");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final URI url;
    private final Path log;

    private OrthancPeer(Process process, URI url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /**
     * Starts Orthanc and waits until its REST API answers.
     *
     * @param directory        where its configuration, storage and log go.
     * @param dicomWebServers  the DICOMweb servers its client knows ({@code DicomWeb.Servers}): name to base URL.
     */
    static OrthancPeer start(Path directory, Map<String, String> dicomWebServers) throws IOException {
        if (!Files.isExecutable(ORTHANC) || !Files.exists(DICOMWEB_PLUGIN)) {
            throw new IllegalStateException(ORTHANC + " or " + DICOMWEB_PLUGIN + " is missing: install Debian's"
                    + " orthanc and orthanc-dicomweb packages (.ci/run does) to run the Orthanc interoperability test");
        }
        int port = freePort();
        var servers = JSON.createObjectNode();
        dicomWebServers.forEach((name, base) -> servers.putObject(name).put("Url", base.endsWith("/") ? base
                : base + "/"));
        var config = JSON.createObjectNode()
                .put("Name", "qido-test")
                .put("StorageDirectory", directory.resolve("storage").toString())
                .put("IndexDirectory", directory.resolve("storage").toString())
                .put("TemporaryDirectory", directory.resolve("tmp").toString())
                .put("HttpPort", port)
                .put("RemoteAccessAllowed", false)
                .put("AuthenticationEnabled", false)
                .put("DicomServerEnabled", false)
                .put("SaveJobs", false);
        config.putArray("Plugins").add(DICOMWEB_PLUGIN.toString());
        var dicomWeb = config.putObject("DicomWeb").put("Enable", true).put("Root", "/dicom-web/");
        dicomWeb.set("Servers", servers);
        Files.createDirectories(directory.resolve("tmp"));
        Path configuration = directory.resolve("orthanc.json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(configuration.toFile(), config);
        Path log = directory.resolve("orthanc.log");
        Process process = new ProcessBuilder(ORTHANC.toString(), configuration.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        var peer = new OrthancPeer(process, URI.create("http://127.0.0.1:" + port), log);
        try {
            peer.awaitReady();
        } catch (IOException | RuntimeException e) {
            peer.close();
            throw e;
        }
        return peer;
    }

    /** POSTs a JSON body to a path of the REST API; answers the status and body. */
    HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Orthanc exited during start-up; see " + log);
            }
            try {
                var answer = HTTP.send(HttpRequest.newBuilder(url.resolve("/system")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (ConnectException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while Orthanc starts", e);
            }
            pause();
        }
        throw new IllegalStateException("Orthanc did not answer on " + url + " within 60 s; see " + log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
