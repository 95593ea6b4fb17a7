// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.imagingexchange.imagingsource.testing.Studies;
import net.imagingexchange.imagingsource.testing.SyntheticStudy;

/**
 * The exchange is killed (SIGKILL) while a PACS sends a study: after a restart on the same data, every instance
 * the PACS got a Success for is there, and the study is published.
 */
class ImagingSourceCrashIT {

    private static final Pattern SENDING = Pattern.compile("Sending file: .*/([0-9.]+)\\.dcm");
    private static final Pattern SUCCESS = Pattern.compile("Received Store Response \\(Success\\)");

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedInstanceSurvivesAKillAndTheStudyIsPublishedAfterTheRestart() throws Exception {
        Path data = dir.resolve("data");
        Path log = dir.resolve("exchange.log");
        var study = new SyntheticStudy("1.2.250.1.999.71.1", "PER-71", "PERONNE", "IDR71",
                SyntheticStudy.AFFINITY_DOMAIN, "ACC71", 2, 200, 256);
        List<Path> files = study.write(dir.resolve("sent"));
        int httpPort = ExchangeProcess.freePort();
        int dicomPort = ExchangeProcess.freePort();
        Path storescuLog = dir.resolve("storescu.log");

        Set<String> acknowledged;
        try (var exchange = ExchangeProcess.start(data, log, httpPort, dicomPort,
                "imaging-source.publication.quiet-period=2s")) {
            var builder = new ProcessBuilder("storescu", "-v", "-aet", "PERONNE_PACS", "-aec", "XDSI_SOURCE", "+sd",
                    "127.0.0.1", Integer.toString(dicomPort), dir.resolve("sent").toString())
                    .redirectErrorStream(true).redirectOutput(storescuLog.toFile());
            builder.environment().put("TCP_NODELAY", "1");
            Process storescu = builder.start();
            awaitSuccesses(storescuLog, 60, Duration.ofSeconds(120));

            exchange.kill();
            storescu.waitFor();
            acknowledged = acknowledged(Files.readString(storescuLog));
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(60).hasSizeLessThan(files.size());

        try (var restarted = ExchangeProcess.start(data, log, httpPort, dicomPort,
                "imaging-source.publication.quiet-period=2s")) {
            var status = new Studies(restarted.baseUrl()).awaitStatus(study.studyInstanceUid(), Studies.published(),
                    Duration.ofSeconds(120));
            Set<String> stored = storedInstances(restarted.baseUrl(), study.studyInstanceUid());
            assertThat(stored).containsAll(acknowledged);
            assertThat(status.path("instances").asInt()).isEqualTo(stored.size());
        }
    }

    private static void awaitSuccesses(Path log, int count, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && SUCCESS.matcher(Files.readString(log)).results().count() >= count) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("storescu did not get " + count + " Success responses within " + limit);
    }

    /** The SOP Instance UIDs of the files storescu got a Success response for. */
    private static Set<String> acknowledged(String storescuLog) {
        var uids = new LinkedHashSet<String>();
        String current = null;
        for (String line : storescuLog.lines().toList()) {
            Matcher sending = SENDING.matcher(line);
            if (sending.find()) {
                current = sending.group(1);
            } else if (current != null && SUCCESS.matcher(line).find()) {
                uids.add(current);
                current = null;
            }
        }
        return uids;
    }

    /** The study's instances as the imaging source's QIDO-RS lists them. */
    private static Set<String> storedInstances(String baseUrl, String studyInstanceUid) throws Exception {
        var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl
                + "/imaging-source/dicomweb/studies/" + studyInstanceUid + "/instances?limit=1000")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        var uids = new LinkedHashSet<String>();
        Matcher sop = Pattern.compile("\"00080018\"\\s*:\\s*\\{[^}]*\"Value\"\\s*:\\s*\\[\\s*\"([0-9.]+)\"")
                .matcher(answer.body());
        while (sop.find()) {
            uids.add(sop.group(1));
        }
        return uids;
    }
}
