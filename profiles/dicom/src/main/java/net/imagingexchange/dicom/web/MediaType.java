// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A media type as in a Content-Type header (RFC 9110 8.3.1, RFC 2045 5.1): {@code type/subtype} and parameters
 * whose values are tokens or quoted strings, e.g. {@code multipart/related; type="application/dicom";
 * boundary="abc:def"} (PS3.18 8.6.1.2). Type, subtype and parameter names are lowercased; values are kept as
 * written, unquoted.
 */
public record MediaType(String type, String subtype, Map<String, String> parameters) {

    public MediaType {
        type = type.toLowerCase(Locale.ROOT);
        subtype = subtype.toLowerCase(Locale.ROOT);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** Parses a Content-Type value; {@link IllegalArgumentException} says what is wrong and where. */
    public static MediaType parse(String value) {
        return new Parser(value).mediaType();
    }

    /** The parameter's value, its name compared without case; null when absent. */
    public String parameter(String name) {
        return parameters.get(name.toLowerCase(Locale.ROOT));
    }

    /** Whether this is {@code type/subtype}, compared without case. */
    public boolean is(String type, String subtype) {
        return this.type.equalsIgnoreCase(type) && this.subtype.equalsIgnoreCase(subtype);
    }

    /** {@code type/subtype; name=value...}, values quoted when they are not tokens. */
    @Override
    public String toString() {
        var text = new StringBuilder(type).append('/').append(subtype);
        parameters.forEach((name, value) -> text.append("; ").append(name).append('=').append(quoteIfNeeded(value)));
        return text.toString();
    }

    /** A parameter value as a token when it is one, otherwise as a quoted string (RFC 9110 5.6.4). */
    public static String quoteIfNeeded(String value) {
        if (!value.isEmpty() && value.chars().allMatch(MediaType::isTokenChar)) {
            return value;
        }
        var quoted = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            if (c == '\r' || c == '\n' || c > 0xFF) {
                throw new IllegalArgumentException("a parameter value cannot hold U+" + Integer.toHexString(c));
            }
            if (c == '"' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append('"').toString();
    }

    /** tchar of RFC 9110 5.6.2. */
    static boolean isTokenChar(int c) {
        return c > 0x20 && c < 0x7F && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        MediaType mediaType() {
            skipSpace();
            String type = token("type");
            expect('/');
            String subtype = token("subtype");
            var parameters = new LinkedHashMap<String, String>();
            while (true) {
                skipSpace();
                if (pos == text.length()) {
                    return new MediaType(type, subtype, parameters);
                }
                expect(';');
                skipSpace();
                if (pos == text.length() || text.charAt(pos) == ';') {
                    continue; // RFC 9110 8.3.1 allows empty parameters
                }
                String name = token("parameter name").toLowerCase(Locale.ROOT);
                expect('=');
                String value = pos < text.length() && text.charAt(pos) == '"' ? quoted() : unquotedValue();
                if (parameters.put(name, value) != null) {
                    throw error("parameter " + name + " given twice");
                }
            }
        }

        /**
         * A token, or a token with '/' in it: {@code type=application/dicom} unquoted is not RFC 9110's, but common
         * (Orthanc sends it), and '/' can mean nothing else there.
         */
        private String unquotedValue() {
            int start = pos;
            while (pos < text.length() && (isTokenChar(text.charAt(pos)) || text.charAt(pos) == '/')) {
                pos++;
            }
            if (pos == start) {
                throw error("expected a parameter value");
            }
            return text.substring(start, pos);
        }

        private String token(String what) {
            int start = pos;
            while (pos < text.length() && isTokenChar(text.charAt(pos))) {
                pos++;
            }
            if (pos == start) {
                throw error("expected a " + what);
            }
            return text.substring(start, pos);
        }

        // quoted-string with quoted-pair (RFC 9110 5.6.4)
        private String quoted() {
            var value = new StringBuilder();
            pos++;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\') {
                    if (pos == text.length()) {
                        break;
                    }
                    c = text.charAt(pos++);
                }
                if (c < 0x20 && c != '\t' || c == 0x7F) {
                    throw error("control character in a quoted string");
                }
                value.append(c);
            }
            throw error("unterminated quoted string");
        }

        private void expect(char c) {
            if (pos == text.length() || text.charAt(pos) != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private void skipSpace() {
            while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
                pos++;
            }
        }

        private IllegalArgumentException error(String message) {
            return new IllegalArgumentException(message + " at character " + pos + " of media type \"" + text + "\"");
        }
    }
}
