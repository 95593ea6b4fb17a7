// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.TreeMap;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.VR;

/**
 * A data set (PS3.5 7): its elements in ascending tag order. Text values are kept as the encoded bytes read or
 * given and decoded on access with the data set's Specific Character Set, inherited by sequence items from their
 * parent (PS3.5 7.5.3 note). Binary values are little endian.
 */
public final class Attributes {

    private final Attributes parent;
    private final TreeMap<Integer, Element> elements = new TreeMap<>(Integer::compareUnsigned);

    public Attributes() {
        this(null);
    }

    Attributes(Attributes parent) {
        this.parent = parent;
    }

    public void put(Element element) {
        elements.put(element.tag(), element);
    }

    public Element get(int tag) {
        return elements.get(tag);
    }

    public boolean contains(int tag) {
        return elements.containsKey(tag);
    }

    public Element remove(int tag) {
        return elements.remove(tag);
    }

    /** Every element, in ascending (unsigned) tag order. */
    public Collection<Element> elements() {
        return Collections.unmodifiableCollection(elements.values());
    }

    public int size() {
        return elements.size();
    }

    /** The charset of this data set's text values. */
    public Charset charset() {
        Element own = elements.get(Tag.SPECIFIC_CHARACTER_SET);
        if (own != null && own.value() instanceof byte[] bytes) {
            return SpecificCharacterSet.charset(new String(bytes, StandardCharsets.US_ASCII));
        }
        return parent != null ? parent.charset() : StandardCharsets.ISO_8859_1;
    }

    /** The text value's values (split on backslash except for LT, ST, UT, UR), padding removed; null if absent. */
    public String[] getStrings(int tag) {
        Element element = elements.get(tag);
        if (element == null || !(element.value() instanceof byte[] bytes)) {
            return null;
        }
        String text = new String(bytes, element.vr() == VR.UI ? StandardCharsets.US_ASCII : charset());
        if (element.vr().singleValuedText()) {
            return new String[] {stripTrailing(text)};
        }
        String[] values = text.split("\\\\", -1);
        for (int i = 0; i < values.length; i++) {
            values[i] = stripTrailing(values[i]).stripLeading();
        }
        return values;
    }

    /** The first value of a text element, or null. */
    public String getString(int tag) {
        String[] values = getStrings(tag);
        return values == null || values.length == 0 ? null : values[0];
    }

    /** The first value of a US, SS, UL or SL element, or of an IS element; {@code absent} when there is none. */
    public int getInt(int tag, int absent) {
        Element element = elements.get(tag);
        if (element == null || !(element.value() instanceof byte[] bytes) || bytes.length == 0) {
            return absent;
        }
        var buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        return switch (element.vr()) {
            case US -> bytes.length >= 2 ? Short.toUnsignedInt(buffer.getShort()) : absent;
            case SS -> bytes.length >= 2 ? buffer.getShort() : absent;
            case UL, SL -> bytes.length >= 4 ? buffer.getInt() : absent;
            case IS -> Integer.parseInt(getString(tag));
            default -> throw new IllegalArgumentException(Tag.toString(tag) + " is " + element.vr() + ", not integer");
        };
    }

    /** Sets a text element; values are joined by backslash and padded to even length (PS3.5 6.2, 7.1.1). */
    public void setString(int tag, VR vr, String... values) {
        if (vr.kind() != VR.Kind.TEXT) {
            throw new IllegalArgumentException(vr + " is not a text VR");
        }
        Charset charset = vr == VR.UI ? StandardCharsets.US_ASCII
                : tag == Tag.SPECIFIC_CHARACTER_SET ? StandardCharsets.US_ASCII : charset();
        byte[] bytes = String.join("\\", values).getBytes(charset);
        put(new Element(tag, vr, padded(bytes, vr.padding())));
    }

    /** Sets a US, SS, UL or SL element. */
    public void setInt(int tag, VR vr, int... values) {
        int width = switch (vr) {
            case US, SS -> 2;
            case UL, SL -> 4;
            default -> throw new IllegalArgumentException(vr + " is not an integer VR");
        };
        var buffer = ByteBuffer.allocate(values.length * width).order(ByteOrder.LITTLE_ENDIAN);
        for (int value : values) {
            if (width == 2) {
                buffer.putShort((short) value);
            } else {
                buffer.putInt(value);
            }
        }
        put(new Element(tag, vr, buffer.array()));
    }

    /** Sets a value given as its bytes (little endian for binary VRs); padded to even length. */
    public void setBytes(int tag, VR vr, byte[] value) {
        put(new Element(tag, vr, padded(value, vr.padding())));
    }

    /** Replaces the element by an empty sequence and returns it. */
    public Sequence newSequence(int tag) {
        var sequence = new Sequence(this);
        put(new Element(tag, VR.SQ, sequence));
        return sequence;
    }

    /** The sequence at {@code tag}, or null. */
    public Sequence getSequence(int tag) {
        Element element = elements.get(tag);
        return element != null && element.value() instanceof Sequence sequence ? sequence : null;
    }

    private static byte[] padded(byte[] bytes, char padding) {
        if ((bytes.length & 1) == 0) {
            return bytes;
        }
        byte[] even = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, even, 0, bytes.length);
        even[bytes.length] = (byte) padding;
        return even;
    }

    private static String stripTrailing(String value) {
        int end = value.length();
        while (end > 0 && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\0')) {
            end--;
        }
        return value.substring(0, end);
    }

    @Override
    public String toString() {
        return "Attributes[" + elements.size() + " elements]";
    }
}
