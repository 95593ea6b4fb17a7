// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.dicomweb;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The client's response, handed to a local imaging source's WADO-RS: what the source sets is held back until it
 * starts its body. A multipart 200 or 206 then goes to the client as it is (status, headers, body); any other answer
 * (a 404 problem detail, a 406) is dropped, so that the façade can still answer otherwise.
 */
final class HeldResponse extends HttpServletResponseWrapper {

    private int status = SC_OK;
    private String contentType;
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final List<Consumer<HttpServletResponse>> held = new ArrayList<>();
    private Boolean passed;
    private final ServletOutputStream stream = new Deciding();
    private OutputStream body;

    HeldResponse(HttpServletResponse client) {
        super(client);
    }

    /** Whether the source's answer went to the client (null: the source has not answered). */
    Boolean passed() {
        return passed;
    }

    /** Decides, when the source starts its answer, whether it goes to the client. */
    private boolean decide() {
        if (passed == null) {
            passed = (status == SC_OK || status == SC_PARTIAL_CONTENT) && contentType != null
                    && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/related");
            if (passed) {
                HttpServletResponse client = (HttpServletResponse) getResponse();
                client.setStatus(status);
                held.forEach(h -> h.accept(client));
            }
        }
        return passed;
    }

    private void hold(Consumer<HttpServletResponse> action) {
        if (passed == null) {
            held.add(action);
        } else if (passed) {
            action.accept((HttpServletResponse) getResponse());
        }
    }

    /** The body's stream: the source may still set its status and headers until it writes the first byte. */
    @Override
    public ServletOutputStream getOutputStream() {
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        return decide() ? super.getWriter() : new PrintWriter(OutputStream.nullOutputStream());
    }

    /** The client's stream once the answer is passed, or nowhere. */
    private OutputStream body() throws IOException {
        if (body == null) {
            body = decide() ? super.getOutputStream() : OutputStream.nullOutputStream();
        }
        return body;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (decide()) {
            super.flushBuffer();
        }
    }

    @Override
    public boolean isCommitted() {
        return passed != null && (!passed || super.isCommitted());
    }

    @Override
    public void reset() {
        if (passed == null) {
            status = SC_OK;
            contentType = null;
            headers.clear();
            held.clear();
        } else if (passed) {
            super.reset();
        }
    }

    @Override
    public void resetBuffer() {
        if (Boolean.TRUE.equals(passed)) {
            super.resetBuffer();
        }
    }

    @Override
    public void setStatus(int sc) {
        if (passed == null) {
            status = sc;
        } else if (passed) {
            super.setStatus(sc);
        }
    }

    @Override
    public void sendError(int sc) {
        sendError(sc, null);
    }

    @Override
    public void sendError(int sc, String msg) {
        setStatus(sc);
        decide();
    }

    @Override
    public void sendRedirect(String location) {
        sendError(SC_FOUND);
    }

    @Override
    public int getStatus() {
        return passed == null ? status : super.getStatus();
    }

    @Override
    public void setContentType(String type) {
        if (passed == null) {
            contentType = type;
        }
        hold(r -> r.setContentType(type));
    }

    @Override
    public String getContentType() {
        return passed == null ? contentType : super.getContentType();
    }

    @Override
    public void setContentLength(int length) {
        setContentLengthLong(length);
    }

    @Override
    public void setContentLengthLong(long length) {
        hold(r -> r.setContentLengthLong(length));
    }

    @Override
    public void setCharacterEncoding(String charset) {
        hold(r -> r.setCharacterEncoding(charset));
    }

    @Override
    public void setLocale(Locale locale) {
        hold(r -> r.setLocale(locale));
    }

    @Override
    public void setBufferSize(int size) {
        hold(r -> r.setBufferSize(size));
    }

    @Override
    public void setHeader(String name, String value) {
        if (name.equalsIgnoreCase("Content-Type")) {
            setContentType(value);
            return;
        }
        if (passed == null) {
            headers.put(name, new ArrayList<>(List.of(value)));
        }
        hold(r -> r.setHeader(name, value));
    }

    @Override
    public void addHeader(String name, String value) {
        if (passed == null) {
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        hold(r -> r.addHeader(name, value));
    }

    @Override
    public void setIntHeader(String name, int value) {
        setHeader(name, Integer.toString(value));
    }

    @Override
    public void addIntHeader(String name, int value) {
        addHeader(name, Integer.toString(value));
    }

    @Override
    public void setDateHeader(String name, long date) {
        hold(r -> r.setDateHeader(name, date));
    }

    @Override
    public void addDateHeader(String name, long date) {
        hold(r -> r.addDateHeader(name, date));
    }

    @Override
    public boolean containsHeader(String name) {
        return passed == null ? headers.containsKey(name) : super.containsHeader(name);
    }

    @Override
    public String getHeader(String name) {
        if (passed == null) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
        return super.getHeader(name);
    }

    @Override
    public java.util.Collection<String> getHeaders(String name) {
        return passed == null ? List.copyOf(headers.getOrDefault(name, List.of())) : super.getHeaders(name);
    }

    @Override
    public java.util.Collection<String> getHeaderNames() {
        return passed == null ? List.copyOf(headers.keySet()) : super.getHeaderNames();
    }

    /** Decides at the first byte written, or at a flush or close. */
    private final class Deciding extends ServletOutputStream {

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("a local source's answer is written blocking");
        }

        @Override
        public void write(int b) throws IOException {
            body().write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            body().write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            body().flush();
        }

        @Override
        public void close() throws IOException {
            body().close();
        }
    }
}
