// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A throwaway Orthanc (Debian's {@code /usr/sbin/Orthanc} with its DICOMweb plugin), software we did not write, in
 * a directory of its own: a generated configuration, storage and log, HTTP on a free port answering loopback
 * clients only, the DICOMweb servers and DICOM modalities it may call, and a DICOM port when asked for. Stopped
 * (its process, not others) on close.
 */
public final class OrthancPeer implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/Orthanc");
    static final Path DICOMWEB_PLUGIN = Path.of("/usr/share/orthanc/plugins/libOrthancDicomWeb.so");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path log;
    private final String url;
    private final int dicomPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A DICOM node Orthanc may send to (DicomModalities). */
    public record Modality(String aeTitle, String host, int port) {
    }

    /**
     * Starts Orthanc without a DICOM port and waits until its REST API answers.
     *
     * @param dicomWebServers name to base URL of each DICOMweb server its client knows (DicomWeb.Servers).
     */
    public static OrthancPeer start(Path directory, Map<String, String> dicomWebServers) throws IOException,
            InterruptedException {
        return start(directory, dicomWebServers, Map.of(), false);
    }

    /**
     * Starts Orthanc and waits until its REST API answers.
     *
     * @param modalities name to DICOM node of each modality it may C-STORE to (DicomModalities).
     * @param dicomServer whether it listens for DICOM (AE {@code ORTHANC}, on {@link #dicomPort()}).
     */
    public static OrthancPeer start(Path directory, Map<String, String> dicomWebServers,
                                    Map<String, Modality> modalities, boolean dicomServer)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY) || !Files.exists(DICOMWEB_PLUGIN)) {
            throw new IllegalStateException(BINARY + " or " + DICOMWEB_PLUGIN + " is missing: install Debian's"
                    + " orthanc and orthanc-dicomweb packages (.ci/run does)");
        }
        int port = freePort();
        int dicomPort = dicomServer ? freePort() : 0;
        Files.createDirectories(directory.resolve("storage"));
        Files.createDirectories(directory.resolve("tmp"));
        var servers = new LinkedHashMap<String, Object>();
        dicomWebServers.forEach((name, base) -> servers.put(name, Map.of("Url", base.endsWith("/") ? base
                : base + "/")));
        var configuration = new LinkedHashMap<String, Object>();
        configuration.put("Name", "dicomweb-test");
        configuration.put("StorageDirectory", directory.resolve("storage").toString());
        configuration.put("IndexDirectory", directory.resolve("storage").toString());
        configuration.put("TemporaryDirectory", directory.resolve("tmp").toString());
        configuration.put("Plugins", List.of(DICOMWEB_PLUGIN.toString()));
        configuration.put("HttpPort", port);
        configuration.put("RemoteAccessAllowed", false); // loopback clients only
        configuration.put("AuthenticationEnabled", false);
        configuration.put("DicomServerEnabled", dicomServer);
        if (dicomServer) {
            configuration.put("DicomAet", "ORTHANC");
            configuration.put("DicomPort", dicomPort);
        }
        var nodes = new LinkedHashMap<String, Object>();
        modalities.forEach((name, node) -> nodes.put(name, List.of(node.aeTitle(), node.host(), node.port())));
        configuration.put("DicomModalities", nodes);
        configuration.put("SaveJobs", false);
        configuration.put("ConcurrentJobs", 1);
        configuration.put("HttpThreadsCount", 8);
        // a connection per request: Orthanc may close an idle kept-alive connection just as the client reuses it
        configuration.put("KeepAlive", false);
        configuration.put("DicomWeb", Map.of("Enable", true, "Root", "/dicom-web/", "EnableWado", false,
                "Servers", servers));
        Path config = directory.resolve("orthanc.json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(config.toFile(), configuration);
        Path log = directory.resolve("orthanc.log");
        Process process = new ProcessBuilder(BINARY.toString(), config.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        var peer = new OrthancPeer(process, log, "http://127.0.0.1:" + port, dicomPort);
        peer.awaitReady();
        return peer;
    }

    private OrthancPeer(Process process, Path log, String url, int dicomPort) {
        this.process = process;
        this.log = log;
        this.url = url;
        this.dicomPort = dicomPort;
    }

    public String url() {
        return url;
    }

    /** Its DICOM port, when started with a DICOM server. */
    public int dicomPort() {
        return dicomPort;
    }

    public HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** POSTs a JSON body to a path of the REST API. */
    public HttpResponse<String> post(String path, Object json) throws IOException, InterruptedException {
        return post(path, "application/json", JSON.writeValueAsBytes(json));
    }

    public HttpResponse<String> post(String path, String contentType, byte[] body) throws IOException,
            InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The end of Orthanc's log, for failure messages. */
    public String logTail() throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Orthanc exited during start-up:\n" + logTail());
            }
            try {
                if (get("/system").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (Instant.now().isAfter(deadline)) {
                close();
                throw new IllegalStateException("Orthanc did not answer on " + url + " within 60 s:\n" + logTail());
            }
            Thread.sleep(200);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
