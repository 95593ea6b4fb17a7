// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.xds.soap;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Refuses SOAP requests larger than a configured number of bytes. A declared Content-Length above the limit is
 * refused before anything is read; a chunked body is counted while it is parsed and fails once it passes the
 * limit, so an oversized request never fills the heap.
 */
public final class RequestSizeLimit extends AbstractPhaseInterceptor<Message> {

    private final long maxBytes;
    private final boolean inlineOnly;

    /** @param maxBytes the largest accepted request body; {@code -1} means unlimited. */
    public RequestSizeLimit(long maxBytes) {
        this(maxBytes, false);
    }

    private RequestSizeLimit(long maxBytes, boolean inlineOnly) {
        super(Phase.RECEIVE);
        this.maxBytes = maxBytes;
        this.inlineOnly = inlineOnly;
    }

    /**
     * Limits only requests without MTOM ({@code Content-Type} not {@code multipart/related}): their documents are
     * base64 text inside the XML, which the SOAP stack decodes in memory, whereas MTOM parts are spooled to disk.
     */
    public static RequestSizeLimit inlineOnly(long maxBytes) {
        return new RequestSizeLimit(maxBytes, true);
    }

    @Override
    public void handleMessage(Message message) {
        if (maxBytes < 0) {
            return;
        }
        if (inlineOnly && String.valueOf(message.get(Message.CONTENT_TYPE)).toLowerCase(Locale.ROOT)
                .startsWith("multipart/related")) {
            return;
        }
        var headers = message.get(Message.PROTOCOL_HEADERS);
        long declared = declaredLength(headers);
        if (declared > maxBytes) {
            throw tooLarge();
        }
        InputStream in = message.getContent(InputStream.class);
        if (in != null) {
            message.setContent(InputStream.class, new Limited(in, maxBytes));
        }
    }

    @SuppressWarnings("unchecked")
    private static long declaredLength(Object headers) {
        if (headers instanceof Map<?, ?> map) {
            for (var entry : ((Map<String, List<String>>) map).entrySet()) {
                if ("Content-Length".equalsIgnoreCase(entry.getKey()) && !entry.getValue().isEmpty()) {
                    try {
                        return Long.parseLong(entry.getValue().get(0).trim());
                    } catch (NumberFormatException e) {
                        return -1;
                    }
                }
            }
        }
        return -1;
    }

    private Fault tooLarge() {
        var fault = new Fault(new IllegalArgumentException("request larger than the configured limit of " + maxBytes
                + " bytes" + (inlineOnly ? " for requests without MTOM" : "")));
        fault.setStatusCode(413);
        return fault;
    }

    private final class Limited extends FilterInputStream {
        private long remaining;

        Limited(InputStream in, long max) {
            super(in);
            this.remaining = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            remaining -= n;
            if (remaining < 0) {
                throw new IOException("request larger than the configured limit of " + maxBytes + " bytes");
            }
        }
    }
}
