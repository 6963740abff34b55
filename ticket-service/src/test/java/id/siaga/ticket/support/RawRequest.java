package id.siaga.ticket.support;

import io.restassured.RestAssured;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request written byte for byte, for what REST Assured and {@code java.net.http} do not send: a post
 * without Content-Type, or a {@code Host} header of another site. One connection per request, closed after the answer.
 */
public final class RawRequest {

    /** An answer: status, headers by lower-case name, body. */
    public record Answer(int status, Map<String, List<String>> headers, String body) {

        /** @return the first value of the header, or null */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** @return every value of the header, empty when absent */
        public List<String> all(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }
    }

    private final String method;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body;

    private RawRequest(String method, String path) {
        this.method = method;
        this.path = path;
        headers.put("Host", "localhost:" + RestAssured.port);
    }

    public static RawRequest post(String path) {
        return new RawRequest("POST", path);
    }

    public static RawRequest get(String path) {
        return new RawRequest("GET", path);
    }

    /** A request with any method, e.g. PATCH. */
    public static RawRequest of(String method, String path) {
        return new RawRequest(method, path);
    }

    /** Sets (or replaces) a header. */
    public RawRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Sends this body with the given Content-Type (null: no Content-Type header at all). */
    public RawRequest body(String contentType, String text) {
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        body = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    public Answer send() {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        } else if (!"GET".equals(method)) {
            head.append("Content-Length: 0\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer parse(byte[] raw) throws IOException {
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        String[] lines = all.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        byte[] rest = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
        if (encoding.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))) {
            rest = unchunk(new java.io.ByteArrayInputStream(rest));
        }
        return new Answer(status, headers, new String(rest, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            StringBuilder size = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    size.append((char) c);
                }
            }
            String hex = size.toString().split(";")[0].trim();
            if (hex.isEmpty() || Integer.parseInt(hex, 16) == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(Integer.parseInt(hex, 16)));
            in.read();
            in.read();
        }
    }
}
