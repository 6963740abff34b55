package id.siaga.agent.report;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON value (RFC 8259) into plain Java values: objects as {@link LinkedHashMap}s, arrays as
 * {@link ArrayList}s, strings, {@link Long} (or {@link BigInteger}) and {@link Double} numbers, {@link Boolean}s
 * and {@code null}. Text after the value is ignored. Small on purpose: the agent reads only the service's answers
 * and its own outbox files.
 */
final class JsonReader {

    private final String text;
    private int at;

    private JsonReader(String text) {
        this.text = text;
    }

    /** @throws IOException when the text does not start with a JSON value */
    static Object read(String text) throws IOException {
        JsonReader reader = new JsonReader(text);
        reader.skipSpace();
        return reader.value();
    }

    private Object value() throws IOException {
        if (at >= text.length()) {
            throw error("unexpected end of input");
        }
        char c = text.charAt(at);
        switch (c) {
            case '{' -> {
                return object();
            }
            case '[' -> {
                return array();
            }
            case '"' -> {
                return string();
            }
            case 't' -> {
                return literal("true", Boolean.TRUE);
            }
            case 'f' -> {
                return literal("false", Boolean.FALSE);
            }
            case 'n' -> {
                return literal("null", null);
            }
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    return number();
                }
                throw error("unexpected character '" + c + "'");
            }
        }
    }

    private Map<String, Object> object() throws IOException {
        Map<String, Object> object = new LinkedHashMap<>();
        boolean more = opened('}');
        while (more) {
            skipSpace();
            if (peek() != '"') {
                throw error("expected a field name");
            }
            String name = string();
            skipSpace();
            expect(':');
            skipSpace();
            object.put(name, value());
            more = next('}');
        }
        return object;
    }

    private List<Object> array() throws IOException {
        List<Object> array = new ArrayList<>();
        boolean more = opened(']');
        while (more) {
            skipSpace();
            array.add(value());
            more = next(']');
        }
        return array;
    }

    /** Steps over an opening bracket and tells whether elements follow rather than {@code closing} at once. */
    private boolean opened(char closing) throws IOException {
        at++;
        skipSpace();
        if (peek() == closing) {
            at++;
            return false;
        }
        return true;
    }

    /** Steps over the separator after an element and tells whether another element follows. */
    private boolean next(char closing) throws IOException {
        skipSpace();
        char next = peek();
        at++;
        if (next == closing) {
            return false;
        }
        if (next != ',') {
            throw error("expected ',' or '" + closing + "'");
        }
        return true;
    }

    private String string() throws IOException {
        at++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c < ' ') {
                throw error("control character in a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = at < text.length() ? text.charAt(at++) : 0;
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw error("short unicode escape");
                    }
                    try {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    } catch (NumberFormatException e) {
                        throw error("bad unicode escape");
                    }
                    at += 4;
                }
                default -> throw error("bad escape");
            }
        }
    }

    private Object number() throws IOException {
        int start = at;
        boolean fraction = false;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '.' || c == 'e' || c == 'E') {
                fraction = true;
            } else if (!(c >= '0' && c <= '9' || c == '-' || c == '+')) {
                break;
            }
            at++;
        }
        String number = text.substring(start, at);
        try {
            if (fraction) {
                return Double.parseDouble(number);
            }
            BigInteger value = new BigInteger(number);
            return value.bitLength() < Long.SIZE ? (Object) value.longValue() : value;
        } catch (NumberFormatException e) {
            throw error("bad number '" + number + "'");
        }
    }

    private Object literal(String word, Object value) throws IOException {
        if (!text.startsWith(word, at)) {
            throw error("unexpected word");
        }
        at += word.length();
        return value;
    }

    private void expect(char c) throws IOException {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        at++;
    }

    private char peek() throws IOException {
        if (at >= text.length()) {
            throw error("unexpected end of input");
        }
        return text.charAt(at);
    }

    private void skipSpace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private IOException error(String problem) {
        return new IOException("not valid JSON at character " + (at + 1) + ": " + problem);
    }
}
