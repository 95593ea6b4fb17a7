// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.io.DicomReader;
import net.imagingexchange.dicom.testing.Dcmtk;
import net.imagingexchange.dicom.testing.Part10;

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
        String output = Dcmtk.run("echoscu", "-v", "-aec", AE, "127.0.0.1", Integer.toString(server.port()));

        assertThat(output).contains("Received Echo Response (Success)");
    }

    @Test
    void tellsTheHandlerOnceWhenAnAssociationEndsOnTheThreadThatStoredItsInstances() throws Exception {
        var events = new CopyOnWriteArrayList<String>();
        StoreHandler recording = new StoreHandler() {
            @Override
            public int store(StoreRequest request, InputStream dataset) throws IOException {
                dataset.transferTo(OutputStream.nullOutputStream());
                events.add("store " + request.sopInstanceUid() + " on " + Thread.currentThread().getName());
                return SUCCESS;
            }

            @Override
            public void associationEnded(String callingAeTitle, InetAddress peer) {
                events.add("end " + callingAeTitle + " " + peer.getHostAddress() + " on "
                        + Thread.currentThread().getName());
            }
        };
        try (var counting = DicomServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                AcceptorSettings.defaults(AE), recording)) {
            Path first = Instances.write(dir, "+te", "1.2.250.1.999.7.40");
            Path second = Instances.write(dir, "+te", "1.2.250.1.999.7.41");

            Dcmtk.run("storescu", "-aet", "PACS_A", "-aec", AE, "127.0.0.1", Integer.toString(counting.port()),
                    first.toString(), second.toString());

            long deadline = System.nanoTime() + 5_000_000_000L;
            while (events.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            String thread = events.get(0).substring(events.get(0).lastIndexOf(" on "));
            assertThat(events).containsExactly("store 1.2.250.1.999.7.40" + thread, "store 1.2.250.1.999.7.41"
                    + thread, "end PACS_A 127.0.0.1" + thread);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"+ti", "+te", "+tb", "jpeg"})
    void storesWhatStorescuSendsByteIdentical(String syntax) throws Exception {
        Path sent = Instances.write(dir, syntax, "1.2.250.1.999.7.10." + Math.abs(syntax.hashCode()));

        // propose the file's own transfer syntax first, so that storescu sends the data set as it is in the file
        String proposal = switch (syntax) {
            case "+ti" -> "-xi";
            case "+tb" -> "-xb";
            case "jpeg" -> "-xy";
            default -> "-xe";
        };
        Dcmtk.run("storescu", "-R", proposal, "-aec", AE, "127.0.0.1", Integer.toString(server.port()), sent.toString());

        String uid = DicomReader.read(sent, DicomReader.Options.DEFAULT).dataset().getString(Tag.SOP_INSTANCE_UID);
        Path stored = received.file(uid);
        assertThat(Part10.dataset(stored)).isEqualTo(Part10.dataset(sent));
        assertThat(Dcmtk.run("dcmdump", "-q", stored.toString())).doesNotContain("E: ");
    }

    @Test
    void servesSeveralAssociationsAtOnce() throws Exception {
        var tasks = new ArrayList<Callable<String>>();
        var uids = new ArrayList<String>();
        for (int i = 0; i < 4; i++) {
            String uid = "1.2.250.1.999.7.20." + i;
            uids.add(uid);
            Path file = Instances.write(dir, "+te", uid);
            tasks.add(() -> Dcmtk.run("storescu", "-aec", AE, "127.0.0.1", Integer.toString(server.port()),
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
        assertThatThrownBy(() -> Dcmtk.run("echoscu", "-aec", "SOMEONE_ELSE", "127.0.0.1",
                Integer.toString(server.port())))
                .hasMessageContaining("Called AE Title Not Recognized");
        assertThat(Dcmtk.run("echoscu", "-aec", AE, "127.0.0.1", Integer.toString(server.port()))).isNotNull();
    }

    @Test
    void acceptsNoPresentationContextForASopClassItDoesNotServe() throws Exception {
        try (var verificationOnly = DicomServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new AcceptorSettings(AE, Set.of("1.2.840.10008.1.1"), 65536, java.time.Duration.ofSeconds(5),
                        java.time.Duration.ofSeconds(5), 4), received)) {
            Path file = Instances.write(dir, "+te", "1.2.250.1.999.7.30");

            assertThatThrownBy(() -> Dcmtk.run("storescu", "-aec", AE, "127.0.0.1",
                    Integer.toString(verificationOnly.port()), file.toString()))
                    .hasMessageContaining("No Acceptable Presentation Contexts");
            assertThat(received.file("1.2.250.1.999.7.30")).doesNotExist();
        }
    }

}
