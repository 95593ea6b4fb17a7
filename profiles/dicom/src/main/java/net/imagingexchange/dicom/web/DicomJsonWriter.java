// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.web;

import java.io.BufferedWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.data.BulkData;
import net.imagingexchange.dicom.data.Element;
import net.imagingexchange.dicom.data.Fragments;
import net.imagingexchange.dicom.data.Sequence;

/**
 * Writes data sets as the DICOM JSON Model (PS3.18 F.2), straight to the output: one data set, or an array of
 * them written one by one ({@link #beginArray()}, {@link #write(Attributes)}..., {@link #endArray()}) as QIDO-RS
 * answers are. Compact JSON, UTF-8 when given an {@link OutputStream}. The choices the standard leaves open:
 * <ul>
 * <li>Attributes in ascending tag order; group lengths (gggg,0000) left out (F.2.2); (0008,0005) written as it is,
 *     since it tells the source's encoding (F.2.2 note); text decoded with the data set's character set.</li>
 * <li>An empty value (zero length, or one value of only padding) has no "Value"; empty values among several are
 *     {@code null} (F.2.5); a PN value is an object of its non-empty component groups, the third keeping any
 *     further '=' (PS3.5 6.2.1.2).</li>
 * <li>IS and DS are JSON numbers (F.2.3): as written when that is JSON number syntax, so no digit is lost;
 *     otherwise the exact decimal canonically written ({@code +1.} as {@code 1}). A value that is no number, or
 *     one beyond the range of a double ({@code 1e400}), stays a JSON string, as the F.2.3 note allows.</li>
 * <li>SV and UV outside JavaScript's safe integers ±(2^53 - 1) are JSON strings (F.2.3 note); FL and FD NaN and
 *     infinities, which JSON cannot write as numbers, are the strings "NaN", "Infinity", "-Infinity".</li>
 * <li>OB, OD, OF, OL, OV, OW and UN are "InlineBinary" base64 (F.2.7), streamed from the file for
 *     {@link BulkData}, unless {@link BulkDataUris} gives a "BulkDataURI" (F.2.6). Encapsulated pixel data
 *     ({@link Fragments}) can only be a BulkDataURI.</li>
 * </ul>
 * Malformed stored values (a US value of 3 bytes) are {@link IllegalArgumentException}s.
 */
public final class DicomJsonWriter implements Flushable {

    /** Chooses which values are referred to by a BulkDataURI (PS3.18 F.2.6) rather than written inline. */
    @FunctionalInterface
    public interface BulkDataUris {

        /**
         * The BulkDataURI for this element's value, or null to write the value inline. Asked for every OB, OD, OF,
         * OL, OV, OW and UN element and for every other {@link BulkData} value of a VR that F.2.6 allows.
         *
         * @param path    the element's tag as 8 hex digits, after the tags and item indices (from 0) of the
         *                sequences holding it, slash-separated: {@code 7FE00010}, {@code 00400275/0/00321060}.
         * @param element the element.
         */
        String uriOf(String path, Element element);
    }

    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    static final Set<VR> INLINE_BINARY = EnumSet.of(VR.OB, VR.OD, VR.OF, VR.OL, VR.OV, VR.OW, VR.UN);
    static final Set<VR> BULK_DATA = EnumSet.of(VR.DS, VR.FL, VR.FD, VR.IS, VR.LT, VR.OB, VR.OD, VR.OF, VR.OL, VR.OV,
            VR.OW, VR.SL, VR.SS, VR.ST, VR.SV, VR.UC, VR.UL, VR.UN, VR.US, VR.UT, VR.UV);

    private enum State { READY, ARRAY_EMPTY, ARRAY, DONE }

    private final Writer out;
    private final BulkDataUris bulkDataUris;
    private State state = State.READY;

    /** A writer that writes every value inline. */
    public DicomJsonWriter(Writer out) {
        this(out, null);
    }

    /** @param bulkDataUris chooses BulkDataURIs; null writes every value inline. */
    public DicomJsonWriter(Writer out, BulkDataUris bulkDataUris) {
        this.out = out instanceof BufferedWriter || out instanceof StringWriter ? out : new BufferedWriter(out, 16384);
        this.bulkDataUris = bulkDataUris;
    }

    /** A writer of UTF-8 (RFC 8259 8.1). */
    public DicomJsonWriter(OutputStream out, BulkDataUris bulkDataUris) {
        this(new OutputStreamWriter(out, StandardCharsets.UTF_8), bulkDataUris);
    }

    /** The JSON of one data set, all values inline: for small data sets. */
    public static String toJson(Attributes dataset) {
        var text = new StringWriter();
        try {
            new DicomJsonWriter(text).write(dataset);
        } catch (IOException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
        return text.toString();
    }

    /**
     * Writes a data set: the whole JSON text, flushed, unless an array is open, in which case its next element.
     */
    public void write(Attributes dataset) throws IOException {
        switch (state) {
            case READY -> {
                dataset(dataset, "");
                state = State.DONE;
                out.flush();
            }
            case ARRAY_EMPTY, ARRAY -> {
                if (state == State.ARRAY) {
                    out.write(',');
                }
                dataset(dataset, "");
                state = State.ARRAY;
            }
            case DONE -> throw new IllegalStateException("the JSON text is complete");
        }
    }

    /** Opens the array of data sets that the JSON text is. */
    public void beginArray() throws IOException {
        if (state != State.READY) {
            throw new IllegalStateException("an array opens the JSON text");
        }
        out.write('[');
        state = State.ARRAY_EMPTY;
    }

    /** Closes the array and flushes. */
    public void endArray() throws IOException {
        if (state != State.ARRAY_EMPTY && state != State.ARRAY) {
            throw new IllegalStateException("no array is open");
        }
        out.write(']');
        state = State.DONE;
        out.flush();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    private void dataset(Attributes dataset, String path) throws IOException {
        out.write('{');
        boolean first = true;
        for (Element element : dataset.elements()) {
            if (Tag.element(element.tag()) == 0) {
                continue; // group length (PS3.18 F.2.2)
            }
            if (!first) {
                out.write(',');
            }
            first = false;
            out.write('"');
            out.write(hex(element.tag()));
            out.write("\":{\"vr\":\"");
            out.write(element.vr().name());
            out.write('"');
            value(dataset, element, path);
            out.write('}');
        }
        out.write('}');
    }

    private void value(Attributes dataset, Element element, String path) throws IOException {
        VR vr = element.vr();
        Object value = element.value();
        if (value instanceof Sequence sequence) {
            items(sequence, path + new String(hex(element.tag())) + "/");
            return;
        }
        if (bulkDataUris != null && BULK_DATA.contains(vr)
                && (INLINE_BINARY.contains(vr) || !(value instanceof byte[]))) {
            String uri = bulkDataUris.uriOf(path + new String(hex(element.tag())), element);
            if (uri != null) {
                out.write(",\"BulkDataURI\":");
                string(uri);
                return;
            }
        }
        if (value instanceof Fragments) {
            throw new IllegalArgumentException(Tag.toString(element.tag())
                    + " holds encapsulated pixel data, which only a BulkDataURI can stand for (PS3.18 F.2.6)");
        }
        if (INLINE_BINARY.contains(vr)) {
            inlineBinary(value);
            return;
        }
        byte[] bytes = value instanceof byte[] b ? b : readAll((BulkData) value, element);
        if (bytes.length == 0) {
            return;
        }
        if (vr.kind() == VR.Kind.TEXT) {
            text(dataset.charset(), vr, bytes);
        } else {
            numbers(element.tag(), vr, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
        }
    }

    // "Value": the items, each a data set; an empty item is {} (PS3.18 F.2.2)
    private void items(Sequence sequence, String path) throws IOException {
        if (sequence.items().isEmpty()) {
            return;
        }
        out.write(",\"Value\":[");
        for (int i = 0; i < sequence.items().size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            dataset(sequence.items().get(i), path + i + "/");
        }
        out.write(']');
    }

    private void text(Charset charset, VR vr, byte[] bytes) throws IOException {
        String text = new String(bytes, vr == VR.UI ? StandardCharsets.US_ASCII : charset);
        String[] values = vr.singleValuedText() ? new String[] {stripTrailing(text)} : text.split("\\\\", -1);
        if (!vr.singleValuedText()) {
            for (int i = 0; i < values.length; i++) {
                values[i] = stripTrailing(values[i]).stripLeading();
            }
        }
        if (values.length == 1 && values[0].isEmpty()) {
            return;
        }
        out.write(",\"Value\":[");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            String value = values[i];
            if (value.isEmpty()) {
                out.write("null");
            } else if (vr == VR.PN) {
                personName(value);
            } else if (vr == VR.IS || vr == VR.DS) {
                decimal(value);
            } else {
                string(value);
            }
        }
        out.write(']');
    }

    private void personName(String value) throws IOException {
        String[] groups = value.split("=", 3);
        String[] names = {"Alphabetic", "Ideographic", "Phonetic"};
        boolean first = true;
        for (int i = 0; i < groups.length; i++) {
            if (groups[i].isEmpty()) {
                continue;
            }
            out.write(first ? "{\"" : ",\"");
            out.write(names[i]);
            out.write("\":");
            string(groups[i]);
            first = false;
        }
        out.write(first ? "null" : "}");
    }

    private void decimal(String value) throws IOException {
        try {
            if (Double.isFinite(Double.parseDouble(value))) {
                out.write(JSON_NUMBER.matcher(value).matches() ? value : new BigDecimal(value).toString());
                return;
            }
        } catch (NumberFormatException notADecimal) {
            // below
        }
        string(value); // no number, or beyond what a reader's double holds
    }

    private void numbers(int tag, VR vr, ByteBuffer bytes) throws IOException {
        int width = switch (vr) {
            case US, SS -> 2;
            case UL, SL, FL, AT -> 4;
            case FD, SV, UV -> 8;
            default -> throw new IllegalArgumentException(Tag.toString(tag) + ": no JSON encoding for " + vr);
        };
        if (bytes.remaining() % width != 0) {
            throw new IllegalArgumentException(Tag.toString(tag) + ": a " + vr + " value of " + bytes.remaining()
                    + " bytes is not a multiple of " + width);
        }
        out.write(",\"Value\":[");
        for (int i = 0; bytes.hasRemaining(); i++) {
            if (i > 0) {
                out.write(',');
            }
            switch (vr) {
                case US -> out.write(Integer.toString(Short.toUnsignedInt(bytes.getShort())));
                case SS -> out.write(Short.toString(bytes.getShort()));
                case UL -> out.write(Integer.toUnsignedString(bytes.getInt()));
                case SL -> out.write(Integer.toString(bytes.getInt()));
                case FL -> floating(bytes.getFloat());
                case FD -> floating(bytes.getDouble());
                case SV -> integer(bytes.getLong(), false);
                case UV -> integer(bytes.getLong(), true);
                default -> string(new String(hex(Short.toUnsignedInt(bytes.getShort()) << 16
                        | Short.toUnsignedInt(bytes.getShort())))); // AT: group, then element
            }
        }
        out.write(']');
    }

    private void floating(double value) throws IOException {
        if (Double.isFinite(value)) {
            out.write(Double.toString(value));
        } else {
            string(Double.toString(value));
        }
    }

    private void floating(float value) throws IOException {
        if (Float.isFinite(value)) {
            out.write(Float.toString(value)); // the shortest decimal that reads back as this float
        } else {
            string(Float.toString(value));
        }
    }

    private void integer(long value, boolean unsigned) throws IOException {
        String text = unsigned ? Long.toUnsignedString(value) : Long.toString(value);
        boolean safe = value <= MAX_SAFE_INTEGER && value >= (unsigned ? 0 : -MAX_SAFE_INTEGER);
        if (safe) {
            out.write(text);
        } else {
            string(text);
        }
    }

    // base64 (RFC 4648 4) of the little endian value (PS3.18 F.2.7), streamed
    private void inlineBinary(Object value) throws IOException {
        long length = value instanceof byte[] bytes ? bytes.length : ((BulkData) value).length();
        if (length == 0) {
            return;
        }
        out.write(",\"InlineBinary\":\"");
        try (OutputStream base64 = Base64.getEncoder().wrap(new AsciiOutput())) {
            if (value instanceof byte[] bytes) {
                base64.write(bytes);
            } else {
                try (InputStream in = open((BulkData) value)) {
                    copy(in, base64, length, (BulkData) value);
                }
            }
        }
        out.write('"');
    }

    // RFC 8259 7: quotation mark, reverse solidus and control characters escaped; the rest as is
    private void string(String value) throws IOException {
        out.write('"');
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '"' && c != '\\' && c >= 0x20) {
                continue;
            }
            out.write(value, start, i - start);
            start = i + 1;
            switch (c) {
                case '"' -> out.write("\\\"");
                case '\\' -> out.write("\\\\");
                case '\b' -> out.write("\\b");
                case '\f' -> out.write("\\f");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                case '\t' -> out.write("\\t");
                default -> {
                    out.write("\\u00");
                    out.write(HEX[c >> 4]);
                    out.write(HEX[c & 0xF]);
                }
            }
        }
        out.write(value, start, value.length() - start);
        out.write('"');
    }

    private static char[] hex(int tag) {
        char[] hex = new char[8];
        for (int i = 7; i >= 0; i--) {
            hex[i] = HEX[tag & 0xF];
            tag >>>= 4;
        }
        return hex;
    }

    private static String stripTrailing(String value) {
        int end = value.length();
        while (end > 0 && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\0')) {
            end--;
        }
        return value.substring(0, end);
    }

    private static byte[] readAll(BulkData bulk, Element element) throws IOException {
        if (bulk.length() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(Tag.toString(element.tag()) + ": a " + element.vr() + " value of "
                    + bulk.length() + " bytes needs a BulkDataURI");
        }
        try (InputStream in = open(bulk)) {
            byte[] bytes = in.readNBytes((int) bulk.length());
            if (bytes.length < bulk.length()) {
                throw new IOException("bulk data of " + bulk.file() + " ends before " + bulk.length() + " bytes");
            }
            return bytes;
        }
    }

    private static InputStream open(BulkData bulk) throws IOException {
        FileChannel channel = FileChannel.open(bulk.file(), StandardOpenOption.READ);
        return Channels.newInputStream(channel.position(bulk.offset()));
    }

    private static void copy(InputStream in, OutputStream out, long length, BulkData bulk) throws IOException {
        byte[] buffer = new byte[(int) Math.min(48 * 1024, length)];
        for (long left = length; left > 0; ) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("bulk data of " + bulk.file() + " ends before " + bulk.length() + " bytes");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    /** The base64 encoder's ASCII output, written to {@code out} as chars; closing it does nothing. */
    private final class AsciiOutput extends OutputStream {

        private final char[] chars = new char[4096];

        @Override
        public void write(int b) throws IOException {
            out.write(b & 0xFF);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                int n = Math.min(len, chars.length);
                for (int i = 0; i < n; i++) {
                    chars[i] = (char) (b[off + i] & 0xFF);
                }
                out.write(chars, 0, n);
                off += n;
                len -= n;
            }
        }
    }
}
