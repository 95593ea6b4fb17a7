// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.io.DicomReader;
import net.imagingexchange.dicom.io.TransferSyntax;

/**
 * Reads presentation data values (PS3.8 9.3.5, E.2) across P-DATA-TF PDUs. Any other PDU ends the data: its type
 * is returned by {@link #next()} as a negative value.
 */
final class PDataReader {

    /** The current PDV. */
    record Pdv(int contextId, boolean command, boolean last) {
    }

    private static final int MAX_COMMAND = 64 * 1024;

    private final DataInputStream in;
    private final long maxPduLength;
    private long pduRemaining;
    private long pdvRemaining;
    private int otherPdu;

    PDataReader(DataInputStream in, long maxPduLength) {
        this.in = in;
        this.maxPduLength = maxPduLength;
    }

    /** The next PDV's header, or null when a PDU other than P-DATA-TF came ({@link #otherPdu()}). */
    Pdv next() throws IOException {
        skip(pdvRemaining);
        while (pduRemaining == 0) {
            long[] length = new long[1];
            int type = Pdus.readHeader(in, length);
            if (type != Pdus.P_DATA_TF) {
                otherPdu = type;
                if (type > 0 && length[0] <= 1024) {
                    in.skipNBytes(length[0]);
                }
                return null;
            }
            if (length[0] > maxPduLength || length[0] < 6) {
                throw new PduException("P-DATA-TF of " + length[0] + " bytes, the negotiated maximum is "
                        + maxPduLength, Abort.INVALID_PDU_PARAMETER_VALUE);
            }
            pduRemaining = length[0];
        }
        long pdvLength = Integer.toUnsignedLong(in.readInt());
        if (pdvLength < 2 || pdvLength > pduRemaining - 4) {
            throw new PduException("PDV of " + pdvLength + " bytes in a P-DATA-TF with " + pduRemaining
                    + " left", Abort.INVALID_PDU_PARAMETER_VALUE);
        }
        int contextId = in.readUnsignedByte();
        int header = in.readUnsignedByte();
        pduRemaining -= 4 + pdvLength;
        pdvRemaining = pdvLength - 2;
        return new Pdv(contextId, (header & 1) != 0, (header & 2) != 0);
    }

    /** The type of the PDU that ended the data (-1 when the connection closed). */
    int otherPdu() {
        return otherPdu;
    }

    /** Reads from the current PDV; -1 at its end. */
    int read(byte[] buffer, int offset, int length) throws IOException {
        if (pdvRemaining == 0) {
            return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, pdvRemaining));
        if (n < 0) {
            throw new PduException("connection closed inside a PDV", Abort.REASON_NOT_SPECIFIED);
        }
        pdvRemaining -= n;
        return n;
    }

    private void skip(long n) throws IOException {
        in.skipNBytes(n);
        pdvRemaining -= n;
    }

    /** The command set that starts with {@code first}: its PDVs read and parsed (implicit VR little endian). */
    Attributes command(Pdv first) throws IOException {
        if (!first.command()) {
            throw new PduException("expected a command, got a data set PDV", Abort.UNEXPECTED_PDU);
        }
        var bytes = new ByteArrayOutputStream();
        var buffer = new byte[8192];
        Pdv pdv = first;
        while (true) {
            int n;
            while ((n = read(buffer, 0, buffer.length)) > 0) {
                bytes.write(buffer, 0, n);
                if (bytes.size() > MAX_COMMAND) {
                    throw new PduException("command set larger than " + MAX_COMMAND, Abort.INVALID_PDU_PARAMETER_VALUE);
                }
            }
            if (pdv.last()) {
                break;
            }
            pdv = next();
            if (pdv == null || !pdv.command() || pdv.contextId() != first.contextId()) {
                throw new PduException("command interrupted", Abort.UNEXPECTED_PDU);
            }
        }
        return DicomReader.readDataset(new ByteArrayInputStream(bytes.toByteArray()),
                TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, DicomReader.Options.DEFAULT);
    }

    /**
     * The fragments of one message's data set on {@code contextId}, as one stream: it reads PDVs as it goes and
     * ends after the last fragment.
     */
    InputStream dataset(int contextId) {
        return new InputStream() {
            private boolean last;
            private boolean started;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                while (true) {
                    if (started) {
                        int n = PDataReader.this.read(buffer, offset, length);
                        if (n >= 0 || last) {
                            return n;
                        }
                    }
                    Pdv pdv = next();
                    if (pdv == null || pdv.command() || pdv.contextId() != contextId) {
                        throw new PduException("data set interrupted by another PDU or message",
                                Abort.UNEXPECTED_PDU);
                    }
                    started = true;
                    last = pdv.last();
                }
            }
        };
    }
}
