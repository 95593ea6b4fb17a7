// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.imagingexchange.dicom.io.TransferSyntax;
import net.imagingexchange.dicom.testing.Dcmtk;

/**
 * DICOM over TLS with mutual authentication (PS3.15 B.1, as the ATNA secure node needs): dcmtk's echoscu against
 * our SCP, our SCU against dcmtk's storescp, and a peer without a trusted certificate refused.
 */
class TlsInteropTest {

    private static final String AE = "EXCHANGE_SCP";

    @TempDir
    Path dir;

    @BeforeEach
    void identities() throws Exception {
        TestTls.identity(dir, "exchange");
        TestTls.identity(dir, "dcmtk");
        TestTls.identity(dir, "stranger");
    }

    @Test
    void answersEchoscuOverTls() throws Exception {
        try (var server = DicomServer.startTls(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                AcceptorSettings.defaults(AE), new Part10FileStore(dir.resolve("rx")),
                TestTls.context(dir, "exchange", "dcmtk"))) {

            String output = Dcmtk.run("echoscu", "-v", "+tls", key("dcmtk"), pem("dcmtk"), "+cf", pem("exchange"),
                    "-aec", AE, "127.0.0.1", Integer.toString(server.port()));

            assertThat(output).contains("Received Echo Response (Success)");
        }
    }

    @Test
    void refusesAPeerWithoutATrustedCertificate() throws Exception {
        try (var server = DicomServer.startTls(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                AcceptorSettings.defaults(AE), new Part10FileStore(dir.resolve("rx")),
                TestTls.context(dir, "exchange", "dcmtk"))) {

            assertThatThrownBy(() -> Dcmtk.run("echoscu", "+tls", key("stranger"), pem("stranger"), "+cf",
                    pem("exchange"), "-aec", AE, "127.0.0.1", Integer.toString(server.port())))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(Dcmtk.run("echoscu", "+tls", key("dcmtk"), pem("dcmtk"), "+cf", pem("exchange"),
                    "-aec", AE, "127.0.0.1", Integer.toString(server.port()))).isNotNull();
        }
    }

    @Test
    void echoesStorescpOverTls() throws Exception {
        int port;
        try (var free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        var builder = new ProcessBuilder("storescp", "-aet", "DCMTK_SCP", "+tls", key("dcmtk"), pem("dcmtk"), "+cf",
                pem("exchange"), "-od", Files.createDirectories(dir.resolve("dcmtk-rx")).toString(),
                Integer.toString(port)).redirectErrorStream(true).redirectOutput(dir.resolve("storescp.log").toFile());
        builder.environment().put("TCP_NODELAY", "1");
        Process storescp = builder.start();
        try {
            awaitPort(port, storescp);
            try (var association = RequestedAssociation.openTls(new InetSocketAddress("127.0.0.1", port),
                    RequestorSettings.of("EXCHANGE_SCU", "DCMTK_SCP"),
                    List.of(new PresentationContext(1, AcceptorSettings.VERIFICATION,
                            List.of(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid()), -1)),
                    TestTls.context(dir, "exchange", "dcmtk"))) {
                assertThat(association.echo()).isZero();
            }
        } finally {
            storescp.destroy();
            storescp.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void awaitPort(int port, Process process) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (var probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new IllegalStateException("storescp did not start");
                }
                Thread.sleep(50);
            }
        }
    }

    private String key(String name) {
        return dir.resolve(name + ".key").toString();
    }

    private String pem(String name) {
        return dir.resolve(name + ".pem").toString();
    }
}
