// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

import static net.imagingexchange.dicom.net.WirePdus.answer;
import static net.imagingexchange.dicom.net.WirePdus.ascii;
import static net.imagingexchange.dicom.net.WirePdus.associateRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SCP/SCU role selection (PS3.7 D.3.3.4) as the acceptor answers it, read off the wire. */
class RoleSelectionTest {

    private static final String AE = "EXCHANGE_SCP";
    private static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";

    @TempDir
    Path dir;

    DicomServer server;

    @BeforeEach
    void start() throws IOException {
        server = DicomServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new AcceptorSettings(AE, Set.of(), 16 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(5), 2),
                new Part10FileStore(dir));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void acceptsTheRequestorAsScuAndNeverAsScp() throws Exception {
        byte[] accept = associate(roleItem(CT_IMAGE_STORAGE, 1, 1), roleItem(AcceptorSettings.VERIFICATION, 1, 0));

        assertThat(accept[0] & 0xFF).isEqualTo(Pdus.ASSOCIATE_AC);
        assertThat(contains(accept, roleItem(CT_IMAGE_STORAGE, 1, 0))).as("CT: SCU accepted, SCP refused").isTrue();
        assertThat(contains(accept, roleItem(AcceptorSettings.VERIFICATION, 1, 0))).as("Verification").isTrue();
    }

    @Test
    void answersNoRoleItemWhenNoneIsProposed() throws Exception {
        byte[] accept = associate();

        assertThat(accept[0] & 0xFF).isEqualTo(Pdus.ASSOCIATE_AC);
        assertThat(contains(accept, new byte[] {0x54, 0})).as("a role selection sub-item").isFalse();
    }

    @Test
    void abortsARoleItemWhoseUidRunsPastIt() throws Exception {
        byte[] broken = roleItem(CT_IMAGE_STORAGE, 1, 0);
        broken[5] += 10; // UID length beyond the sub-item

        assertThat(associate(broken)).startsWith(Pdus.ABORT, 0, 0, 0, 0, 4, 0, 0, 2,
                Abort.INVALID_PDU_PARAMETER_VALUE);
    }

    private byte[] associate(byte[]... userItems) throws IOException {
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(associateRequest(AE, userItems));
            return answer(socket);
        }
    }

    /** Sub-item 0x54: UID length, SOP class UID, SCU role, SCP role. */
    private static byte[] roleItem(String sopClassUid, int scu, int scp) {
        byte[] uid = ascii(sopClassUid);
        var content = new ByteArrayOutputStream();
        content.write(uid.length >>> 8);
        content.write(uid.length & 0xFF);
        content.writeBytes(uid);
        content.write(scu);
        content.write(scp);
        var item = new ByteArrayOutputStream();
        WirePdus.item(item, 0x54, content.toByteArray());
        return item.toByteArray();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}
