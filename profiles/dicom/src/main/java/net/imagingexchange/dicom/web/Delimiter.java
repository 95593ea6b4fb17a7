// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The delimiter of a multipart body, CRLF "--" boundary (RFC 2046 5.1.1), and two ways to find it: a
 * Boyer-Moore-Horspool search over a buffered window for readers, and a Knuth-Morris-Pratt automaton fed byte by
 * byte for writers checking that a body does not contain it.
 */
final class Delimiter {

    private final String boundary;
    private final byte[] bytes;
    private final int[] shift = new int[256];
    private final int[] failure;

    /** RFC 2046 5.1.1's limit, kept by what we write. */
    static final int MAX_LENGTH = 70;
    /**
     * What we read: some senders exceed the RFC's 70 characters (Orthanc 1.10 sends 73: two UUIDs), and a longer
     * boundary is no harder to find.
     */
    static final int MAX_READ_LENGTH = 200;

    Delimiter(String boundary) {
        this(boundary, MAX_LENGTH);
    }

    Delimiter(String boundary, int maxLength) {
        checkBoundary(boundary, maxLength);
        this.boundary = boundary;
        bytes = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        int m = bytes.length;
        Arrays.fill(shift, m);
        for (int i = 0; i < m - 1; i++) {
            shift[bytes[i] & 0xFF] = m - 1 - i;
        }
        failure = new int[m];
        for (int i = 1, k = 0; i < m; i++) {
            while (k > 0 && bytes[i] != bytes[k]) {
                k = failure[k - 1];
            }
            if (bytes[i] == bytes[k]) {
                k++;
            }
            failure[i] = k;
        }
    }

    String boundary() {
        return boundary;
    }

    int length() {
        return bytes.length;
    }

    /** The first index in {@code [from, to - length()]} at which the delimiter starts, or -1. */
    int indexOf(byte[] buffer, int from, int to) {
        int last = bytes.length - 1;
        int i = from;
        while (i <= to - bytes.length) {
            int j = last;
            while (buffer[i + j] == bytes[j]) {
                if (j == 0) {
                    return i;
                }
                j--;
            }
            i += shift[buffer[i + last] & 0xFF];
        }
        return -1;
    }

    /** Whether the delimiter starts at {@code at} (which must leave room for it). */
    boolean startsAt(byte[] buffer, int at) {
        return Arrays.equals(buffer, at, at + bytes.length, bytes, 0, bytes.length);
    }

    /** The automaton state after {@code b}, given the state before: how many delimiter bytes have just been seen. */
    int advance(int state, byte b) {
        if (state == bytes.length) {
            state = failure[state - 1];
        }
        while (state > 0 && b != bytes[state]) {
            state = failure[state - 1];
        }
        return b == bytes[state] ? state + 1 : state;
    }

    /** The automaton state right after a CRLF, as at the start of every body (after the header block). */
    int afterCrLf() {
        return advance(advance(0, (byte) '\r'), (byte) '\n');
    }

    // boundary := 0*69<bchars> bcharsnospace (RFC 2046 5.1.1)
    private static void checkBoundary(String boundary, int maxLength) {
        if (boundary == null || boundary.isEmpty() || boundary.length() > maxLength) {
            throw new IllegalArgumentException("a boundary has 1 to " + maxLength + " characters (RFC 2046 5.1.1"
                    + (maxLength > MAX_LENGTH ? ", and longer ones some senders use" : "") + ")");
        }
        for (int i = 0; i < boundary.length(); i++) {
            char c = boundary.charAt(i);
            boolean bchar = c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                    || "'()+_,-./:=? ".indexOf(c) >= 0;
            if (!bchar) {
                throw new IllegalArgumentException("character U+" + Integer.toHexString(c)
                        + " is not allowed in a boundary (RFC 2046 5.1.1)");
            }
        }
        if (boundary.endsWith(" ")) {
            throw new IllegalArgumentException("a boundary does not end with a space (RFC 2046 5.1.1)");
        }
    }
}
