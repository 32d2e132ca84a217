package cn.scanforhelp.intake.web;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 by hand, for what RestAssured cannot do: send from another loopback address (127.0.0.2, a
 * client that is not the trusted proxy) and send a body in chunks without Content-Length.
 */
public final class RawHttp {

    private RawHttp() {
    }

    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** A request with a Content-Length body, from {@code localAddress}. */
    public static Answer send(String localAddress, String method, String path, Map<String, String> headers,
            String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        try (Socket s = connect(localAddress)) {
            OutputStream out = s.getOutputStream();
            out.write(head(method, path, headers, "Content-Length: " + bytes.length));
            out.write(bytes);
            out.flush();
            return read(s.getInputStream());
        }
    }

    /**
     * A body of {@code total} bytes sent as {@code chunk}-byte chunks; the answer may come (and the server
     * close the connection) before everything is sent.
     */
    public static Answer chunked(String path, String contentType, byte[] prefix, byte filler, int total, int chunk)
            throws IOException {
        return chunked(path, contentType, prefix, filler, total, chunk, null);
    }

    /** The same with an Authorization header. */
    public static Answer chunked(String path, String contentType, byte[] prefix, byte filler, int total, int chunk,
            String authorization) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        try (Socket s = connect("127.0.0.1")) {
            OutputStream out = s.getOutputStream();
            out.write(head("POST", path, headers, "Transfer-Encoding: chunked"));
            int sent = 0;
            try {
                while (sent < total) {
                    int n = Math.min(chunk, total - sent);
                    byte[] part = new byte[n];
                    for (int i = 0; i < n; i++) {
                        int at = sent + i;
                        part[i] = at < prefix.length ? prefix[at] : filler;
                    }
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(part);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    sent += n;
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closedEarly) {
                // the server answered and closed before the whole body was sent: read that answer
            }
            return read(s.getInputStream());
        }
    }

    private static Socket connect(String localAddress) throws IOException {
        Socket s = new Socket();
        s.setSoTimeout(30_000);
        s.bind(new InetSocketAddress(localAddress, 0));
        s.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5_000);
        return s;
    }

    private static byte[] head(String method, String path, Map<String, String> headers, String framing) {
        StringBuilder b = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\nConnection: close\r\n").append(framing).append("\r\n");
        headers.forEach((k, v) -> b.append(k).append(": ").append(v).append("\r\n"));
        return b.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                all.write(buf, 0, n);
            }
        } catch (IOException reset) {
            // a reset after the answer: keep what was read
        }
        byte[] raw = all.toByteArray();
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        if (end < 0) {
            return new Answer(-1, Map.of(), new String(raw, StandardCharsets.UTF_8));
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.UTF_8).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
        int at = 0;
        while (at < s.length) {
            int eol = indexOf(s, crlf, at);
            if (eol < 0) {
                break;
            }
            int n = Integer.parseInt(new String(s, at, eol - at, StandardCharsets.US_ASCII).split(";")[0].trim(), 16);
            if (n == 0) {
                break;
            }
            int start = eol + 2;
            int stop = Math.min(s.length, start + n);
            out.write(s, start, stop - start);
            at = stop + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] a, byte[] what, int from) {
        outer:
        for (int i = from; i <= a.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (a[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
