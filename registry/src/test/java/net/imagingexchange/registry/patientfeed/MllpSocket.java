// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.patientfeed;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * MLLP framing written by hand (ITI TF-2 Appendix C: 0x0B, message, 0x1C 0x0D) on a plain socket, so the tests prove
 * the listener talks to any MLLP peer and not only to HAPI's client.
 */
final class MllpSocket implements Closeable {

    static final int START_BLOCK = 0x0b;
    static final int END_BLOCK = 0x1c;
    static final int CARRIAGE_RETURN = 0x0d;

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    MllpSocket(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    /** Sends one framed message in a single write. */
    void send(String message) throws IOException {
        out.write(framed(message));
        out.flush();
    }

    /** Sends one framed message a byte per write. */
    void sendOneByteAtATime(String message) throws IOException {
        for (byte b : framed(message)) {
            out.write(b);
            out.flush();
        }
    }

    /** Reads one frame, checks its framing and returns the message between the start and end blocks. */
    String receive() throws IOException {
        int first = in.read();
        if (first != START_BLOCK) {
            throw new IOException("frame does not start with 0x0B but with " + first);
        }
        var message = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != END_BLOCK) {
            if (b < 0) {
                throw new IOException("connection closed inside a frame");
            }
            message.write(b);
        }
        if (in.read() != CARRIAGE_RETURN) {
            throw new IOException("frame end 0x1C is not followed by 0x0D");
        }
        return message.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static byte[] framed(String message) {
        var frame = new ByteArrayOutputStream();
        frame.write(START_BLOCK);
        frame.writeBytes(message.getBytes(StandardCharsets.ISO_8859_1));
        frame.write(END_BLOCK);
        frame.write(CARRIAGE_RETURN);
        return frame.toByteArray();
    }
}
