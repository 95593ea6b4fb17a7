// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.io.DicomReader;
import net.imagingexchange.dicom.io.DicomWriter;
import net.imagingexchange.dicom.io.TransferSyntax;

/**
 * Our C-ECHO and C-STORE SCP against dcmtk's {@code echoscu} and {@code storescu}, software we did not write:
 * every uncompressed transfer syntax and a JPEG-compressed file stored byte-identical to what was sent, several
 * associations at once, and clean refusals (unknown called AE, no acceptable presentation context).
 */
class StoreScpInteropTest {

    private static final String AE = "EXCHANGE_SCP";

    @TempDir
    Path dir;

    DicomServer server;
    Part10FileStore received;

    @BeforeEach
    void start() throws IOException {
        received = new Part10FileStore(dir.resolve("received"));
        server = DicomServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                AcceptorSettings.defaults(AE), received);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void answersEchoscu() throws Exception {
        String output = run("echoscu", "-v", "-aec", AE, "127.0.0.1", Integer.toString(server.port()));

        assertThat(output).contains("Received Echo Response (Success)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+ti", "+te", "+tb", "jpeg"})
    void storesWhatStorescuSendsByteIdentical(String syntax) throws Exception {
        Path sent = instance(syntax, "1.2.250.1.999.7.10." + Math.abs(syntax.hashCode()));

        // propose the file's own transfer syntax first, so that storescu sends the data set as it is in the file
        String proposal = switch (syntax) {
            case "+ti" -> "-xi";
            case "+tb" -> "-xb";
            case "jpeg" -> "-xy";
            default -> "-xe";
        };
        run("storescu", "-R", proposal, "-aec", AE, "127.0.0.1", Integer.toString(server.port()), sent.toString());

        String uid = DicomReader.read(sent, DicomReader.Options.DEFAULT).dataset().getString(Tag.SOP_INSTANCE_UID);
        Path stored = received.file(uid);
        assertThat(datasetBytes(stored)).isEqualTo(datasetBytes(sent));
        assertThat(run("dcmdump", "-q", stored.toString())).doesNotContain("E: ");
    }

    @Test
    void servesSeveralAssociationsAtOnce() throws Exception {
        var tasks = new ArrayList<Callable<String>>();
        var uids = new ArrayList<String>();
        for (int i = 0; i < 4; i++) {
            String uid = "1.2.250.1.999.7.20." + i;
            uids.add(uid);
            Path file = instance("+te", uid);
            tasks.add(() -> run("storescu", "-aec", AE, "127.0.0.1", Integer.toString(server.port()),
                    file.toString()));
        }
        var pool = Executors.newFixedThreadPool(tasks.size());
        try {
            for (var done : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }

        for (String uid : uids) {
            assertThat(received.file(uid)).exists();
        }
        assertThat(server.activeAssociations()).isZero();
    }

    @Test
    void rejectsAnotherCalledAeTitle() throws Exception {
        assertThatThrownBy(() -> run("echoscu", "-aec", "SOMEONE_ELSE", "127.0.0.1",
                Integer.toString(server.port())))
                .hasMessageContaining("Called AE Title Not Recognized");
        assertThat(run("echoscu", "-aec", AE, "127.0.0.1", Integer.toString(server.port()))).isNotNull();
    }

    @Test
    void acceptsNoPresentationContextForASopClassItDoesNotServe() throws Exception {
        try (var verificationOnly = DicomServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new AcceptorSettings(AE, Set.of("1.2.840.10008.1.1"), 65536, java.time.Duration.ofSeconds(5),
                        java.time.Duration.ofSeconds(5), 4), received)) {
            Path file = instance("+te", "1.2.250.1.999.7.30");

            assertThatThrownBy(() -> run("storescu", "-aec", AE, "127.0.0.1",
                    Integer.toString(verificationOnly.port()), file.toString()))
                    .hasMessageContaining("No Acceptable Presentation Contexts");
            assertThat(received.file("1.2.250.1.999.7.30")).doesNotExist();
        }
    }

    /** A secondary capture instance written by dcmtk in the given transfer syntax ({@code jpeg}: JPEG baseline). */
    private Path instance(String syntax, String sopInstanceUid) throws Exception {
        var dataset = new Attributes();
        dataset.setString(Tag.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        dataset.setString(Tag.SOP_INSTANCE_UID, VR.UI, sopInstanceUid);
        dataset.setString(Tag.STUDY_INSTANCE_UID, VR.UI, "1.2.250.1.999.3.7");
        dataset.setString(Tag.SERIES_INSTANCE_UID, VR.UI, "1.2.250.1.999.3.7.1");
        dataset.setString(Tag.of(0x0008, 0x0060), VR.CS, "OT");
        dataset.setString(Tag.PATIENT_NAME, VR.PN, "Store^Test");
        dataset.setInt(Tag.of(0x0028, 0x0002), VR.US, 1);
        dataset.setString(Tag.of(0x0028, 0x0004), VR.CS, "MONOCHROME2");
        dataset.setInt(Tag.of(0x0028, 0x0010), VR.US, 64);
        dataset.setInt(Tag.of(0x0028, 0x0011), VR.US, 64);
        dataset.setInt(Tag.of(0x0028, 0x0100), VR.US, 16);
        dataset.setInt(Tag.of(0x0028, 0x0101), VR.US, 8);
        dataset.setInt(Tag.of(0x0028, 0x0102), VR.US, 7);
        dataset.setInt(Tag.of(0x0028, 0x0103), VR.US, 0);
        byte[] pixels = new byte[64 * 64 * 2];
        for (int i = 0; i < 64 * 64; i++) {
            pixels[2 * i] = (byte) i;
        }
        dataset.setBytes(Tag.PIXEL_DATA, VR.OW, pixels);
        Path ours = dir.resolve(sopInstanceUid + "-ours.dcm");
        try (OutputStream out = Files.newOutputStream(ours)) {
            DicomWriter.writeFile(out, dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        Path converted = dir.resolve(sopInstanceUid + ".dcm");
        if (syntax.equals("jpeg")) {
            run("dcmcjpeg", "-q", "+eb", ours.toString(), converted.toString());
        } else {
            run("dcmconv", "-q", syntax, ours.toString(), converted.toString());
        }
        return converted;
    }

    /** A Part 10 file's bytes after its File Meta Information. */
    private static byte[] datasetBytes(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int groupLength = (bytes[140] & 0xFF) | (bytes[141] & 0xFF) << 8 | (bytes[142] & 0xFF) << 16
                | (bytes[143] & 0xFF) << 24;
        int start = 144 + groupLength;
        return java.util.Arrays.copyOfRange(bytes, start, bytes.length);
    }

    private static String run(String... command) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin", command[0]))) {
            throw new IllegalStateException("/usr/bin/" + command[0] + " is missing: install Debian's dcmtk package");
        }
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("TCP_NODELAY", "1"));
        var process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command[0] + " did not finish");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(List.of(command) + " exited " + process.exitValue() + ": " + text);
        }
        return text;
    }
}
