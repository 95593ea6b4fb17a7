// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.data.Element;
import net.imagingexchange.dicom.data.Sequence;
import net.imagingexchange.dicom.data.SpecificCharacterSet;
import net.imagingexchange.dicom.web.JsonParser.Node;

/**
 * Reads the DICOM JSON Model (PS3.18 F.2): one data set ({@link #readDataset()}) or an array of them, one at a time
 * ({@link #hasNext()}, {@link #next()}) as in QIDO-RS answers. Strict: malformed JSON, keys that are not 8
 * uppercase hex digits, group lengths, unknown members, a missing "vr", more than one of "Value", "InlineBinary"
 * and "BulkDataURI", or values that do not fit their VR are {@link DicomJsonException}s saying where.
 * <p>
 * Character set: JSON is Unicode, and (0008,0005) in it only tells the source's encoding (F.2.2 note). Text is
 * stored as UTF-8; when some text is not ASCII, or a (0008,0005) names a character set this library cannot decode,
 * every (0008,0005) of the result becomes {@code ISO_IR 192}, added to the top-level data set if absent. Pure ASCII
 * text reads the same in every supported character set, so then (0008,0005) is kept as given, or left absent.
 * <p>
 * Numbers: IS and DS keep the JSON text of a number ({@code 1.50} stays {@code 1.50}); IS, DS, SV and UV also
 * accept strings (F.2.3 note), FL and FD the strings "NaN", "Infinity" and "-Infinity".
 */
public final class DicomJsonReader {

    /** Default limit of nested JSON arrays and objects: each sequence level takes three. */
    public static final int DEFAULT_MAX_DEPTH = 256;

    /** Gives the value a BulkDataURI (PS3.18 F.2.6) stands for. */
    @FunctionalInterface
    public interface BulkDataResolver {

        /**
         * The value at {@code uri}: {@code byte[]} (little endian), a
         * {@link net.imagingexchange.dicom.data.BulkData} or {@link net.imagingexchange.dicom.data.Fragments};
         * null leaves the element out.
         */
        Object resolve(int tag, VR vr, String uri) throws IOException;
    }

    private enum State { READY, NEXT, AFTER, DONE }

    private final JsonParser parser;
    private final BulkDataResolver resolver;
    private State state = State.READY;

    /** A reader that refuses BulkDataURIs. */
    public DicomJsonReader(Reader in) {
        this(in, null, DEFAULT_MAX_DEPTH);
    }

    /** @param resolver resolves BulkDataURIs; null refuses them. */
    public DicomJsonReader(Reader in, BulkDataResolver resolver, int maxDepth) {
        this.parser = new JsonParser(in, maxDepth);
        this.resolver = resolver;
    }

    /** A reader of UTF-8 (RFC 8259 8.1); malformed UTF-8 is an error. */
    public DicomJsonReader(InputStream in, BulkDataResolver resolver) {
        this(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)),
                resolver, DEFAULT_MAX_DEPTH);
    }

    /** The data set that the whole JSON text is. */
    public Attributes readDataset() throws IOException {
        if (state != State.READY) {
            throw new IllegalStateException("the JSON text is read");
        }
        state = State.DONE;
        Node node = parser.value(0);
        parser.expectEnd();
        return topLevel(node);
    }

    /** The data sets of the array that the whole JSON text is. */
    public List<Attributes> readDatasets() throws IOException {
        var datasets = new ArrayList<Attributes>();
        while (hasNext()) {
            datasets.add(next());
        }
        return datasets;
    }

    /** Whether the array that the JSON text is has another data set; the end of the text is checked at the end. */
    public boolean hasNext() throws IOException {
        switch (state) {
            case READY -> {
                parser.expect('[');
                state = parser.peek() == ']' ? State.AFTER : State.NEXT;
                return state == State.NEXT || hasNext();
            }
            case AFTER -> {
                if (parser.peek() == ']') {
                    parser.expect(']');
                    parser.expectEnd();
                    state = State.DONE;
                    return false;
                }
                parser.expect(',');
                state = State.NEXT;
                return true;
            }
            case NEXT -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** The next data set of the array. */
    public Attributes next() throws IOException {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        state = State.AFTER;
        return topLevel(parser.value(1));
    }

    private Attributes topLevel(Node node) throws IOException {
        var context = new Context();
        var dataset = new Attributes();
        dataset(node, dataset, context);
        if (context.nonAscii || context.unsupportedCharset) {
            dataset.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 192");
            for (Attributes holder : context.charsetHolders) {
                holder.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 192");
            }
        }
        return dataset;
    }

    /** What a top-level data set's text needs of (0008,0005). */
    private static final class Context {
        boolean nonAscii;
        boolean unsupportedCharset;
        final List<Attributes> charsetHolders = new ArrayList<>();
    }

    private void dataset(Node node, Attributes target, Context context) throws IOException {
        for (var member : object(node, "a data set (PS3.18 F.2.2)").entrySet()) {
            attribute(tag(member.getKey(), member.getValue()), member.getValue(), target, context);
        }
    }

    // "ggggeeee": 8 uppercase hex digits (PS3.18 F.2.2), no group length, no item tags
    private static int tag(String key, Node at) throws DicomJsonException {
        if (key.length() != 8 || !key.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'A' && c <= 'F')) {
            throw JsonParser.error(at, "\"" + key + "\" is not a tag of 8 uppercase hex digits (PS3.18 F.2.2)");
        }
        int tag = Integer.parseUnsignedInt(key, 16);
        if (Tag.element(tag) == 0) {
            throw JsonParser.error(at, "group length " + Tag.toString(tag) + " is not part of the model (F.2.2)");
        }
        if (Tag.group(tag) == 0xFFFE) {
            throw JsonParser.error(at, Tag.toString(tag) + " is an item delimiter, not an attribute");
        }
        return tag;
    }

    private void attribute(int tag, Node node, Attributes target, Context context) throws IOException {
        Node vrNode = null;
        Node valueNode = null;
        String valueKind = null;
        for (var member : object(node, "an attribute (PS3.18 F.2.2)").entrySet()) {
            switch (member.getKey()) {
                case "vr" -> vrNode = member.getValue();
                case "Value", "InlineBinary", "BulkDataURI" -> {
                    if (valueNode != null) {
                        throw JsonParser.error(member.getValue(), Tag.toString(tag)
                                + " has more than one of Value, InlineBinary and BulkDataURI (F.2.2)");
                    }
                    valueNode = member.getValue();
                    valueKind = member.getKey();
                }
                default -> throw JsonParser.error(member.getValue(),
                        "unknown member \"" + member.getKey() + "\" of " + Tag.toString(tag));
            }
        }
        if (vrNode == null) {
            throw JsonParser.error(node, Tag.toString(tag) + " has no vr (F.2.2)");
        }
        VR vr = vr(vrNode, tag);
        if (valueKind == null) {
            if (vr == VR.SQ) {
                target.newSequence(tag);
            } else {
                target.put(new Element(tag, vr, new byte[0]));
            }
            return;
        }
        switch (valueKind) {
            case "Value" -> value(tag, vr, valueNode, target, context);
            case "InlineBinary" -> inlineBinary(tag, vr, valueNode, target);
            default -> bulkData(tag, vr, valueNode, target);
        }
    }

    private static VR vr(Node node, int tag) throws DicomJsonException {
        String name = string(node, "the vr of " + Tag.toString(tag));
        VR vr = name.length() == 2 ? VR.of(name.charAt(0), name.charAt(1)) : null;
        if (vr == null) {
            throw JsonParser.error(node, "\"" + name + "\" is not a VR (PS3.5 6.2)");
        }
        return vr;
    }

    private void value(int tag, VR vr, Node node, Attributes target, Context context) throws IOException {
        List<Node> values = array(node, "the Value of " + Tag.toString(tag));
        if (vr == VR.SQ) {
            Sequence sequence = target.newSequence(tag);
            for (Node item : values) {
                dataset(item, sequence.addItem(), context);
            }
        } else if (DicomJsonWriter.INLINE_BINARY.contains(vr)) {
            throw JsonParser.error(node, Tag.toString(tag) + " is " + vr
                    + ": InlineBinary or BulkDataURI, not Value (F.2.2)");
        } else if (vr.kind() == VR.Kind.TEXT) {
            text(tag, vr, values, target, context);
        } else {
            target.put(new Element(tag, vr, numbers(tag, vr, values)));
        }
    }

    private static void text(int tag, VR vr, List<Node> values, Attributes target, Context context)
            throws DicomJsonException {
        if (vr.singleValuedText() && values.size() > 1) {
            throw JsonParser.error(values.get(1), Tag.toString(tag) + " is " + vr + ", which has one value");
        }
        var text = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            Node node = values.get(i);
            String value = node.value() == null ? "" : switch (vr) {
                case PN -> personName(tag, node);
                case IS -> integerString(tag, node);
                case DS -> node.value() instanceof JsonParser.Number number ? number.text()
                        : string(node, "a DS value of " + Tag.toString(tag));
                default -> string(node, "a value of " + Tag.toString(tag));
            };
            if (!vr.singleValuedText() && value.indexOf('\\') >= 0) {
                throw JsonParser.error(node, "a backslash in a value of " + Tag.toString(tag) + ", where "
                        + vr + " separates values by it (PS3.5 6.2)");
            }
            if (!value.chars().allMatch(c -> c < 0x80)) {
                if (vr == VR.UI || tag == Tag.SPECIFIC_CHARACTER_SET) {
                    throw JsonParser.error(node, "a " + vr + " value of " + Tag.toString(tag) + " is not ASCII");
                }
                context.nonAscii = true;
            }
            text.append(i > 0 ? "\\" : "").append(value);
        }
        target.put(new Element(tag, vr, padded(text.toString().getBytes(StandardCharsets.UTF_8), vr.padding())));
        if (tag == Tag.SPECIFIC_CHARACTER_SET) {
            context.charsetHolders.add(target);
            try {
                SpecificCharacterSet.charset(text.toString());
            } catch (IllegalArgumentException unsupported) {
                context.unsupportedCharset = true;
            }
        }
    }

    // an object of component groups (PS3.18 F.2.2), joined by '=' without trailing empty groups (PS3.5 6.2.1.2)
    private static String personName(int tag, Node node) throws DicomJsonException {
        String[] groups = new String[3];
        for (var member : object(node, "a PN value of " + Tag.toString(tag)).entrySet()) {
            int index = switch (member.getKey()) {
                case "Alphabetic" -> 0;
                case "Ideographic" -> 1;
                case "Phonetic" -> 2;
                default -> throw JsonParser.error(member.getValue(), "unknown component group \""
                        + member.getKey() + "\" of a PN value of " + Tag.toString(tag));
            };
            groups[index] = string(member.getValue(), "a component group of " + Tag.toString(tag));
            if (groups[index].indexOf('=') >= 0) {
                throw JsonParser.error(member.getValue(), "'=' in a component group of " + Tag.toString(tag));
            }
        }
        int last = 2;
        while (last >= 0 && (groups[last] == null || groups[last].isEmpty())) {
            last--;
        }
        var name = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            name.append(i > 0 ? "=" : "").append(groups[i] == null ? "" : groups[i]);
        }
        return name.toString();
    }

    private static String integerString(int tag, Node node) throws DicomJsonException {
        if (node.value() instanceof String text) {
            return text;
        }
        return Long.toString(integer(node, Long.MIN_VALUE, Long.MAX_VALUE, "an IS value of " + Tag.toString(tag)));
    }

    private static byte[] numbers(int tag, VR vr, List<Node> values) throws DicomJsonException {
        int width = switch (vr) {
            case US, SS -> 2;
            case UL, SL, FL, AT -> 4;
            default -> 8; // FD, SV, UV
        };
        var bytes = ByteBuffer.allocate(values.size() * width).order(ByteOrder.LITTLE_ENDIAN);
        String what = "a " + vr + " value of " + Tag.toString(tag);
        for (Node node : values) {
            switch (vr) {
                case US -> bytes.putShort((short) integer(node, 0, 0xFFFF, what));
                case SS -> bytes.putShort((short) integer(node, Short.MIN_VALUE, Short.MAX_VALUE, what));
                case UL -> bytes.putInt((int) integer(node, 0, 0xFFFFFFFFL, what));
                case SL -> bytes.putInt((int) integer(node, Integer.MIN_VALUE, Integer.MAX_VALUE, what));
                case SV -> bytes.putLong(veryLong(node, false, what));
                case UV -> bytes.putLong(veryLong(node, true, what));
                case FL -> bytes.putFloat((float) floating(node, true, what));
                case FD -> bytes.putDouble(floating(node, false, what));
                default -> {
                    int at = attributeTag(node, what);
                    bytes.putShort((short) (at >>> 16)).putShort((short) at);
                }
            }
        }
        return bytes.array();
    }

    private static long integer(Node node, long min, long max, String what) throws DicomJsonException {
        if (!(node.value() instanceof JsonParser.Number number)) {
            throw JsonParser.error(node, what + " must be a number");
        }
        try {
            long value = new BigDecimal(number.text()).longValueExact();
            if (value >= min && value <= max) {
                return value;
            }
        } catch (ArithmeticException notAnInteger) {
            // below
        }
        throw JsonParser.error(node, what + " must be an integer from " + min + " to " + max + ", not "
                + number.text());
    }

    // a number, or a string where it would not be exact in JavaScript (PS3.18 F.2.3 note)
    private static long veryLong(Node node, boolean unsigned, String what) throws DicomJsonException {
        try {
            if (node.value() instanceof String text) {
                return unsigned ? Long.parseUnsignedLong(text) : Long.parseLong(text);
            }
            if (!unsigned) {
                return integer(node, Long.MIN_VALUE, Long.MAX_VALUE, what);
            }
            if (node.value() instanceof JsonParser.Number number) {
                var value = new BigDecimal(number.text());
                if (value.signum() >= 0 && value.precision() - value.scale() <= 20) {
                    BigInteger integer = value.toBigIntegerExact();
                    if (integer.bitLength() <= 64) {
                        return integer.longValue();
                    }
                }
            }
        } catch (NumberFormatException | ArithmeticException notAnInteger) {
            // below
        }
        throw JsonParser.error(node, what + " must be a " + (unsigned ? "non-negative " : "")
                + "64-bit integer, as a number or a string");
    }

    private static double floating(Node node, boolean single, String what) throws DicomJsonException {
        if (node.value() instanceof JsonParser.Number number) {
            double value = single ? Float.parseFloat(number.text()) : Double.parseDouble(number.text());
            if (Double.isInfinite(value)) {
                throw JsonParser.error(node, what + " is out of range: " + number.text());
            }
            return value;
        }
        if (node.value() instanceof String text) {
            switch (text) {
                case "NaN" -> {
                    return Double.NaN;
                }
                case "Infinity" -> {
                    return Double.POSITIVE_INFINITY;
                }
                case "-Infinity" -> {
                    return Double.NEGATIVE_INFINITY;
                }
                default -> {
                    // below
                }
            }
        }
        throw JsonParser.error(node, what + " must be a number, or \"NaN\", \"Infinity\" or \"-Infinity\"");
    }

    private static int attributeTag(Node node, String what) throws DicomJsonException {
        String text = string(node, what);
        if (text.length() != 8 || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw JsonParser.error(node, what + " must be 8 hex digits, not \"" + text + "\"");
        }
        return Integer.parseUnsignedInt(text, 16);
    }

    // base64 (RFC 4648 4) of the little endian value (PS3.18 F.2.7)
    private static void inlineBinary(int tag, VR vr, Node node, Attributes target) throws DicomJsonException {
        if (!DicomJsonWriter.INLINE_BINARY.contains(vr)) {
            throw JsonParser.error(node, Tag.toString(tag) + " is " + vr + ", which has no InlineBinary (F.2.2)");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(string(node, "the InlineBinary of " + Tag.toString(tag)));
            target.setBytes(tag, vr, bytes);
        } catch (IllegalArgumentException notBase64) {
            throw JsonParser.error(node, "the InlineBinary of " + Tag.toString(tag) + " is not base64: "
                    + notBase64.getMessage());
        }
    }

    private void bulkData(int tag, VR vr, Node node, Attributes target) throws IOException {
        String uri = string(node, "the BulkDataURI of " + Tag.toString(tag));
        if (!DicomJsonWriter.BULK_DATA.contains(vr)) {
            throw JsonParser.error(node, Tag.toString(tag) + " is " + vr + ", which has no BulkDataURI (F.2.2)");
        }
        if (resolver == null) {
            throw JsonParser.error(node, "BulkDataURI " + uri + " of " + Tag.toString(tag)
                    + ", and no resolver for it");
        }
        Object value = resolver.resolve(tag, vr, uri);
        if (value != null) {
            try {
                target.put(new Element(tag, vr, value));
            } catch (IllegalArgumentException unsupported) {
                throw JsonParser.error(node, "BulkDataURI " + uri + " resolved to " + value.getClass().getName());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Node> object(Node node, String what) throws DicomJsonException {
        if (node.value() instanceof Map<?, ?> map) {
            return (Map<String, Node>) map;
        }
        throw JsonParser.error(node, what + " must be a JSON object");
    }

    @SuppressWarnings("unchecked")
    private static List<Node> array(Node node, String what) throws DicomJsonException {
        if (node.value() instanceof List<?> list) {
            return (List<Node>) list;
        }
        throw JsonParser.error(node, what + " must be a JSON array");
    }

    private static String string(Node node, String what) throws DicomJsonException {
        if (node.value() instanceof String text) {
            return text;
        }
        throw JsonParser.error(node, what + " must be a string");
    }

    private static byte[] padded(byte[] bytes, char padding) {
        if ((bytes.length & 1) == 0) {
            return bytes;
        }
        byte[] even = Arrays.copyOf(bytes, bytes.length + 1);
        even[bytes.length] = (byte) padding;
        return even;
    }
}
