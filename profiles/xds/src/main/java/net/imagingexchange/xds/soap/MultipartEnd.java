// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.xds.soap;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Notices an MTOM request whose multipart body ends without its closing boundary (RFC 2046 5.1.1): CXF then ends
 * the last part at the end of the stream as if it were complete, so a request cut short would store a shorter
 * document. The request stream keeps its last bytes as it is read; once the service has read its attachments,
 * {@link #check} reads what is left and looks for {@code --boundary--} at the end.
 */
public final class MultipartEnd extends AbstractPhaseInterceptor<Message> {

    private static final String KEY = MultipartEnd.class.getName();
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final int TAIL = 8 * 1024;

    public MultipartEnd() {
        super(Phase.RECEIVE);
    }

    @Override
    public void handleMessage(Message message) {
        String type = String.valueOf(message.get(Message.CONTENT_TYPE));
        var boundary = BOUNDARY.matcher(type);
        InputStream in = message.getContent(InputStream.class);
        if (!type.toLowerCase(Locale.ROOT).startsWith("multipart/") || !boundary.find() || in == null) {
            return;
        }
        var tail = new Tail(in, "--" + boundary.group(1) + "--");
        message.setContent(InputStream.class, tail);
        message.put(KEY, tail);
    }

    /**
     * Reads the rest of the request and fails unless its multipart body was closed: call after every attachment
     * was read. Does nothing for a request without MTOM.
     */
    public static void check(Message message) throws IOException {
        if (message != null && message.get(KEY) instanceof Tail tail) {
            tail.transferTo(OutputStream.nullOutputStream());
            if (!tail.closed()) {
                throw new IOException("the MTOM request ends without its closing boundary: it was cut short");
            }
        }
    }

    /** The request stream, keeping its last {@value #TAIL} bytes. */
    private static final class Tail extends FilterInputStream {
        private final byte[] last = new byte[TAIL];
        private final String closing;
        private int length;

        Tail(InputStream in, String closing) {
            super(in);
            this.closing = closing;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                keep(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) throws IOException {
            int n = super.read(buffer, offset, count);
            if (n > 0) {
                keep(buffer, offset, n);
            }
            return n;
        }

        private void keep(byte[] bytes, int offset, int n) {
            int kept = Math.min(n, TAIL);
            int shift = Math.min(length, TAIL - kept);
            System.arraycopy(last, length - shift, last, 0, shift);
            System.arraycopy(bytes, offset + n - kept, last, shift, kept);
            length = shift + kept;
        }

        // ISO 8859-1 maps every byte to one char, so the boundary is found whatever the parts hold
        boolean closed() {
            return new String(last, 0, length, StandardCharsets.ISO_8859_1).contains(closing);
        }
    }
}
