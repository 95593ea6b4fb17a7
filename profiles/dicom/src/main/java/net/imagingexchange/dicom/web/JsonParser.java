// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.web;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON parser (RFC 8259) into a small tree whose nodes remember their line and column: no comments,
 * trailing commas, single quotes, NaN or unpaired surrogates; duplicate member names, nesting deeper than the
 * limit and numbers longer than {@value #MAX_NUMBER_LENGTH} characters are errors. A leading byte order mark is
 * ignored (RFC 8259 8.1).
 */
final class JsonParser {

    static final int MAX_NUMBER_LENGTH = 400;

    /**
     * A value and where it starts. {@code value} is a {@link String}, a {@link Number}, a {@link Boolean},
     * {@code null}, a {@code List<Node>} (array) or a {@code Map<String, Node>} (object, in document order).
     */
    record Node(Object value, int line, int column) {
    }

    /** A number as written, e.g. {@code -1.50e3}: converted by whoever knows what it stands for. */
    record Number(String text) {
    }

    private final Reader in;
    private final int maxDepth;
    private final char[] buffer = new char[8192];
    private int pos;
    private int limit;
    private int line = 1;
    private int column = 1;

    private boolean started;

    JsonParser(Reader in, int maxDepth) {
        this.in = in;
        this.maxDepth = maxDepth;
    }

    /** The next non-whitespace character, not consumed; -1 at the end. */
    int peek() throws IOException {
        if (!started) {
            started = true;
            if (peekChar() == '\uFEFF') {
                pos++;
            }
        }
        while (true) {
            int c = peekChar();
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return c;
            }
            next();
        }
    }

    /** Consumes {@code c}, after whitespace. */
    void expect(char c) throws IOException {
        int found = peek();
        if (found != c) {
            throw error("expected '" + c + "' but found " + describe(found));
        }
        next();
    }

    /** Requires that only whitespace is left. */
    void expectEnd() throws IOException {
        int found = peek();
        if (found >= 0) {
            throw error("expected the end of the JSON text but found " + describe(found));
        }
    }

    /** Parses one value; {@code depth} is the number of arrays and objects around it. */
    Node value(int depth) throws IOException {
        int c = peek();
        int startLine = line;
        int startColumn = column;
        Object value = switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    yield number();
                }
                throw error("expected a JSON value but found " + describe(c));
            }
        };
        return new Node(value, startLine, startColumn);
    }

    DicomJsonException error(String message) {
        return new DicomJsonException(message, line, column);
    }

    static DicomJsonException error(Node at, String message) {
        return new DicomJsonException(message, at.line(), at.column());
    }

    private Map<String, Node> object(int depth) throws IOException {
        checkDepth(depth);
        next();
        var members = new LinkedHashMap<String, Node>();
        if (peek() == '}') {
            next();
            return members;
        }
        while (true) {
            if (peek() != '"') {
                throw error("expected a member name but found " + describe(peek()));
            }
            int nameLine = line;
            int nameColumn = column;
            String name = string();
            expect(':');
            if (members.put(name, value(depth)) != null) {
                throw new DicomJsonException("member \"" + name + "\" given twice", nameLine, nameColumn);
            }
            int c = peek();
            next();
            if (c == '}') {
                return members;
            }
            if (c != ',') {
                throw error("expected ',' or '}' but found " + describe(c));
            }
        }
    }

    private List<Node> array(int depth) throws IOException {
        checkDepth(depth);
        next();
        var elements = new ArrayList<Node>();
        if (peek() == ']') {
            next();
            return elements;
        }
        while (true) {
            elements.add(value(depth));
            int c = peek();
            next();
            if (c == ']') {
                return elements;
            }
            if (c != ',') {
                throw error("expected ',' or ']' but found " + describe(c));
            }
        }
    }

    private void checkDepth(int depth) throws DicomJsonException {
        if (depth > maxDepth) {
            throw error("arrays and objects nested deeper than " + maxDepth);
        }
    }

    private String string() throws IOException {
        next();
        var text = new StringBuilder();
        while (true) {
            int c = next();
            if (c == '"') {
                break;
            }
            if (c < 0) {
                throw error("the JSON text ends inside a string");
            }
            if (c < 0x20) {
                throw error("unescaped control character U+" + String.format("%04X", c) + " in a string");
            }
            text.append(c == '\\' ? escape() : (char) c);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw error("unpaired surrogate U+" + String.format("%04X", (int) c) + " in a string");
            }
        }
        return text.toString();
    }

    private char escape() throws IOException {
        int c = next();
        return switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> {
                int code = 0;
                for (int i = 0; i < 4; i++) {
                    int digit = Character.digit(next(), 16);
                    if (digit < 0) {
                        throw error("\\u needs four hexadecimal digits");
                    }
                    code = code << 4 | digit;
                }
                yield (char) code;
            }
            default -> throw error("invalid escape \\" + (c < 0 ? "" : Character.toString(c)));
        };
    }

    // number = [ minus ] int [ frac ] [ exp ] (RFC 8259 6)
    private Number number() throws IOException {
        var text = new StringBuilder();
        if (peekChar() == '-') {
            text.append((char) next());
        }
        if (peekChar() == '0') {
            text.append((char) next());
        } else {
            digits(text, "a digit");
        }
        if (peekChar() == '.') {
            text.append((char) next());
            digits(text, "a digit after the decimal point");
        }
        if (peekChar() == 'e' || peekChar() == 'E') {
            text.append((char) next());
            if (peekChar() == '+' || peekChar() == '-') {
                text.append((char) next());
            }
            digits(text, "a digit in the exponent");
        }
        int c = peekChar();
        if (c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
            throw error("malformed number " + text + (char) c);
        }
        return new Number(text.toString());
    }

    private void digits(StringBuilder text, String what) throws IOException {
        int c = peekChar();
        if (c < '0' || c > '9') {
            throw error("expected " + what + " but found " + describe(c));
        }
        while (c >= '0' && c <= '9') {
            if (text.length() >= MAX_NUMBER_LENGTH) {
                throw error("number longer than " + MAX_NUMBER_LENGTH + " characters");
            }
            text.append((char) next());
            c = peekChar();
        }
    }

    private Object literal(String word, Object value) throws IOException {
        for (int i = 0; i < word.length(); i++) {
            if (next() != word.charAt(i)) {
                throw error("expected " + word);
            }
        }
        return value;
    }

    private int peekChar() throws IOException {
        while (pos == limit) {
            int n;
            try {
                n = in.read(buffer, 0, buffer.length);
            } catch (CharacterCodingException e) {
                throw error("the JSON text is not well-formed UTF-8 (RFC 8259 8.1)");
            }
            if (n < 0) {
                return -1;
            }
            pos = 0;
            limit = n;
        }
        return buffer[pos];
    }

    private int next() throws IOException {
        int c = peekChar();
        if (c < 0) {
            return c;
        }
        pos++;
        if (c == '\n') {
            line++;
            column = 1;
        } else {
            column++;
        }
        return c;
    }

    private static String describe(int c) {
        return c < 0 ? "the end of the JSON text" : c < 0x20 || c > 0x7E
                ? String.format("U+%04X", c) : "'" + (char) c + "'";
    }
}
