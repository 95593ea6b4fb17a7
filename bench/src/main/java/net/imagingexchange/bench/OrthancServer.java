// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A private Orthanc, the imaging source bench's WADO-RS peer: Debian's {@code /usr/sbin/Orthanc} with its DICOMweb
 * plugin, in a directory of its own (generated configuration, storage, SQLite index, log), HTTP on a free port for
 * loopback clients only, a DICOM server (AE {@code ORTHANC}) on another, files stored uncompressed. Stopped (its
 * process alone) when closed.
 */
final class OrthancServer implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/Orthanc");
    static final Path DICOMWEB_PLUGIN = Path.of("/usr/share/orthanc/plugins/libOrthancDicomWeb.so");
    static final String AE_TITLE = "ORTHANC";
    private static final Duration STARTUP = Duration.ofMinutes(1);
    private static final Pattern VERSION = Pattern.compile("\"Version\"\\s*:\\s*\"([^\"]*)\"");

    private final ChildJvm process;
    private final int httpPort;
    private final int dicomPort;
    private final Path configuration;

    private OrthancServer(ChildJvm process, int httpPort, int dicomPort, Path configuration) {
        this.process = process;
        this.httpPort = httpPort;
        this.dicomPort = dicomPort;
        this.configuration = configuration;
    }

    /** Writes the configuration under {@code directory} (created), starts Orthanc, waits for HTTP and C-ECHO. */
    static OrthancServer start(Path directory) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY) || !Files.exists(DICOMWEB_PLUGIN)) {
            throw new IllegalStateException(BINARY + " or " + DICOMWEB_PLUGIN + " is missing: apt-get install"
                    + " orthanc orthanc-dicomweb");
        }
        int httpPort = ChildJvm.freePort();
        int dicomPort = ChildJvm.freePort();
        Path storage = Files.createDirectories(directory.resolve("storage"));
        Path temporary = Files.createDirectories(directory.resolve("tmp"));
        Path configuration = directory.resolve("orthanc.json");
        Files.writeString(configuration, configuration(storage, temporary, httpPort, dicomPort),
                StandardCharsets.UTF_8);
        URI system = URI.create("http://127.0.0.1:" + httpPort + "/system");
        var process = ChildJvm.startProcess("Orthanc", List.of(BINARY.toString(), configuration.toString()),
                Map.of(), directory.resolve("orthanc.log"),
                () -> answers200(system) && DcmtkTools.echo(AE_TITLE, dicomPort), STARTUP);
        return new OrthancServer(process, httpPort, dicomPort, configuration);
    }

    // Orthanc's Configuration.json names every option; what is not here keeps Orthanc's default (HTTP keep-alive,
    // TCP_NODELAY, 50 HTTP threads, no HTTP compression)
    private static String configuration(Path storage, Path temporary, int httpPort, int dicomPort) {
        return """
                {
                  "Name": "imaging-source-bench",
                  "StorageDirectory": %s,
                  "IndexDirectory": %s,
                  "TemporaryDirectory": %s,
                  "StorageCompression": false,
                  "Plugins": [%s],
                  "HttpPort": %d,
                  "RemoteAccessAllowed": false,
                  "AuthenticationEnabled": false,
                  "HttpCompressionEnabled": false,
                  "DicomServerEnabled": true,
                  "DicomAet": "%s",
                  "DicomPort": %d,
                  "SaveJobs": false,
                  "DicomWeb": { "Enable": true, "Root": "/dicom-web/", "EnableWado": false }
                }
                """.formatted(json(storage), json(storage), json(temporary), json(DICOMWEB_PLUGIN), httpPort,
                AE_TITLE, dicomPort);
    }

    private static String json(Path path) {
        return '"' + path.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static boolean answers200(URI uri) throws IOException {
        try (var answer = BlockingHttp.get(uri)) {
            answer.body().readAllBytes();
            return answer.status() == 200;
        }
    }

    /** Orthanc's version and its DICOMweb plugin's, from its REST API, e.g. {@code Orthanc 1.10.1, DICOMweb 1.7}. */
    String versions() throws IOException {
        return "Orthanc " + version("/system") + ", DICOMweb plugin " + version("/plugins/dicom-web");
    }

    private String version(String path) throws IOException {
        try (var answer = BlockingHttp.get(URI.create("http://127.0.0.1:" + httpPort + path))) {
            Matcher version = VERSION.matcher(new String(answer.body().readAllBytes(), StandardCharsets.UTF_8));
            return version.find() ? version.group(1) : "unknown";
        }
    }

    /** The WADO-RS URL of a study: {@code http://127.0.0.1:PORT/dicom-web/studies/UID}. */
    URI study(String studyInstanceUid) {
        return URI.create("http://127.0.0.1:" + httpPort + "/dicom-web/studies/" + studyInstanceUid);
    }

    int dicomPort() {
        return dicomPort;
    }

    Path configuration() {
        return configuration;
    }

    ChildJvm process() {
        return process;
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
