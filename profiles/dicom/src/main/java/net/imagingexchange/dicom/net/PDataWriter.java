// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.io.DicomWriter;

/**
 * Writes DIMSE messages as P-DATA-TF PDUs of one PDV each (PS3.8 9.3.5, E.2), none larger than the peer's maximum
 * PDU length.
 */
final class PDataWriter {

    private static final int COMMAND = 0x01;
    private static final int LAST = 0x02;

    private final OutputStream out;
    private final long peerMaxPduLength;

    /** @param peerMaxPduLength the peer's maximum P-DATA-TF length; 0 means unlimited. */
    PDataWriter(OutputStream out, long peerMaxPduLength) {
        this.out = out;
        this.peerMaxPduLength = peerMaxPduLength == 0 ? Integer.MAX_VALUE : peerMaxPduLength;
    }

    /** A command set in one PDV (commands are far below any maximum PDU length). */
    void command(int contextId, Attributes command) throws IOException {
        var encoded = new ByteArrayOutputStream();
        DicomWriter.writeCommand(encoded, command);
        if (encoded.size() + 6L > peerMaxPduLength) {
            throw new IOException("command of " + encoded.size() + " bytes exceeds the peer's maximum PDU");
        }
        pdv(contextId, COMMAND | LAST, encoded.toByteArray(), encoded.size());
        out.flush();
    }

    /** A data set as it streams from {@code dataset}, in fragments as large as the peer accepts. */
    void dataset(int contextId, InputStream dataset) throws IOException {
        int fragment = (int) Math.min(peerMaxPduLength - 6, 1 << 20);
        byte[] current = new byte[fragment];
        byte[] next = new byte[fragment];
        int length = dataset.readNBytes(current, 0, fragment);
        while (true) {
            // one fragment ahead, so that the last one carries the last-fragment bit
            int nextLength = length == fragment ? dataset.readNBytes(next, 0, fragment) : 0;
            boolean last = nextLength == 0;
            pdv(contextId, last ? LAST : 0, current, length);
            if (last) {
                break;
            }
            byte[] swap = current;
            current = next;
            next = swap;
            length = nextLength;
        }
        out.flush();
    }

    private void pdv(int contextId, int header, byte[] value, int length) throws IOException {
        long pduLength = length + 6L;
        long pdvLength = length + 2L;
        out.write(new byte[] {Pdus.P_DATA_TF, 0, (byte) (pduLength >>> 24), (byte) (pduLength >>> 16),
                (byte) (pduLength >>> 8), (byte) pduLength, (byte) (pdvLength >>> 24), (byte) (pdvLength >>> 16),
                (byte) (pdvLength >>> 8), (byte) pdvLength, (byte) contextId, (byte) header});
        out.write(value, 0, length);
    }
}
