// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * STYLE.md Streaming: a STOW-RS request larger than the test JVM's heap (this runs with {@code -Xmx256m}) goes
 * through the pipe to the server without being held in memory.
 */
@Tag("large-stream")
class SendLargeStowStreamTest {

    private static final long INSTANCE_SIZE = 120L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void streamsAStowRsRequestLargerThanTheHeap() throws Exception {
        List<SpooledInstance> instances = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Path file = dir.resolve("1.2.3.1." + i + ".dcm");
            try (var sparse = new RandomAccessFile(file.toFile(), "rw")) {
                sparse.setLength(INSTANCE_SIZE);
            }
            instances.add(new SpooledInstance(file, "1.2.3.1", "1.2.3.1." + i, "1.2.840.10008.5.1.4.1.1.2",
                    "1.2.840.10008.1.2.1"));
        }
        var received = new AtomicLong();
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/dicom-web/studies", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) != -1; ) {
                    received.addAndGet(n);
                }
            }
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/dicom+json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        try {
            var destination = Destination.dicomWeb("big", URI.create("http://127.0.0.1:"
                    + server.getAddress().getPort() + "/dicom-web/studies"), new SendProperties.Retry(
                    Duration.ofSeconds(1), Duration.ofSeconds(1), 1));
            List<String> delivered = new ArrayList<>();
            new StowRsDelivery(Duration.ofSeconds(5), Duration.ofSeconds(120)).deliver(destination, instances,
                    new Delivery.Progress() {
                        @Override
                        public void delivered(SpooledInstance instance) {
                            delivered.add(instance.sopInstanceUid());
                        }

                        @Override
                        public void failed(SpooledInstance instance, String code, String reason) {
                            throw new AssertionError(reason);
                        }
                    });

            assertThat(delivered).containsExactly("1.2.3.1.1", "1.2.3.1.2", "1.2.3.1.3");
            assertThat(received.get()).isGreaterThan(3 * INSTANCE_SIZE)
                    .isGreaterThan(Runtime.getRuntime().maxMemory());
        } finally {
            server.stop(0);
        }
    }
}
