package cn.scanforhelp.intake.tracing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace receiver for tests ({@code POST /v1/traces}, protobuf): what a collector would get
 * from the services started as processes. Reads only what the tests look at, straight from the wire
 * format (ExportTraceServiceRequest → ResourceSpans → resource's service.name, ScopeSpans → Span's
 * ids, name and kind), so no generated OTLP classes are needed.
 */
public final class OtlpReceiver implements AutoCloseable {

    /** One received span; ids in hex, parent empty for a root; kind as OTLP numbers it (2 server, 3 client). */
    public record Received(String service, String traceId, String spanId, String parentSpanId, String name, int kind) {
    }

    private final HttpServer server;
    private final List<Received> spans = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();

    public OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/traces", exchange -> {
            requests.incrementAndGet();
            try (InputStream raw = exchange.getRequestBody()) {
                InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                        ? new GZIPInputStream(raw) : raw;
                request(new Wire(in.readAllBytes()));
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1); // an empty ExportTraceServiceResponse
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                exchange.sendResponseHeaders(400, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** The endpoint to give {@code quarkus.otel.exporter.otlp.endpoint} (with protocol http/protobuf). */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> spans() {
        return List.copyOf(spans);
    }

    /** What arrived, for a failing test's message. */
    @Override
    public String toString() {
        return requests + " export calls, " + failures + " unreadable; spans " + spans;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void request(Wire w) {
        while (w.more()) {
            int tag = w.tag();
            if (tag >>> 3 == 1 && (tag & 7) == 2) {
                resourceSpans(w.message());
            } else {
                w.skip(tag);
            }
        }
    }

    private void resourceSpans(Wire w) {
        String service = "";
        List<Wire> scopes = new java.util.ArrayList<>();
        while (w.more()) {
            int tag = w.tag();
            if (tag >>> 3 == 1 && (tag & 7) == 2) {
                service = serviceName(w.message());
            } else if (tag >>> 3 == 2 && (tag & 7) == 2) {
                scopes.add(w.message());
            } else {
                w.skip(tag);
            }
        }
        for (Wire scope : scopes) {
            while (scope.more()) {
                int tag = scope.tag();
                if (tag >>> 3 == 2 && (tag & 7) == 2) {
                    span(service, scope.message());
                } else {
                    scope.skip(tag);
                }
            }
        }
    }

    /** Resource.attributes (1) → KeyValue {key 1, value 2 → AnyValue.string_value 1}. */
    private static String serviceName(Wire resource) {
        String name = "";
        while (resource.more()) {
            int tag = resource.tag();
            if (tag >>> 3 == 1 && (tag & 7) == 2) {
                Wire kv = resource.message();
                String key = null;
                String value = null;
                while (kv.more()) {
                    int t = kv.tag();
                    if (t >>> 3 == 1 && (t & 7) == 2) {
                        key = kv.string();
                    } else if (t >>> 3 == 2 && (t & 7) == 2) {
                        Wire any = kv.message();
                        while (any.more()) {
                            int a = any.tag();
                            if (a >>> 3 == 1 && (a & 7) == 2) {
                                value = any.string();
                            } else {
                                any.skip(a);
                            }
                        }
                    } else {
                        kv.skip(t);
                    }
                }
                if ("service.name".equals(key) && value != null) {
                    name = value;
                }
            } else {
                resource.skip(tag);
            }
        }
        return name;
    }

    /** Span: trace_id 1, span_id 2, parent_span_id 4, name 5, kind 6. */
    private void span(String service, Wire w) {
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        int kind = 0;
        while (w.more()) {
            int tag = w.tag();
            switch (tag) {
                case (1 << 3) | 2 -> traceId = HexFormat.of().formatHex(w.bytes());
                case (2 << 3) | 2 -> spanId = HexFormat.of().formatHex(w.bytes());
                case (4 << 3) | 2 -> parent = HexFormat.of().formatHex(w.bytes());
                case (5 << 3) | 2 -> name = w.string();
                case (6 << 3) -> kind = (int) w.varint();
                default -> w.skip(tag);
            }
        }
        spans.add(new Received(service, traceId, spanId, parent, name, kind));
    }

    /** The protobuf wire format, as far as these messages need it. */
    private static final class Wire {
        private final byte[] b;
        private int pos;
        private final int end;

        Wire(byte[] b) {
            this(b, 0, b.length);
        }

        private Wire(byte[] b, int from, int to) {
            this.b = b;
            this.pos = from;
            this.end = to;
        }

        boolean more() {
            return pos < end;
        }

        int tag() {
            return (int) varint();
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte x = b[pos++];
                v |= (long) (x & 0x7f) << shift;
                if (x >= 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("varint too long");
        }

        Wire message() {
            int len = (int) varint();
            Wire m = new Wire(b, pos, pos + len);
            pos += len;
            return m;
        }

        byte[] bytes() {
            int len = (int) varint();
            byte[] out = java.util.Arrays.copyOfRange(b, pos, pos + len);
            pos += len;
            return out;
        }

        String string() {
            return new String(bytes(), java.nio.charset.StandardCharsets.UTF_8);
        }

        void skip(int tag) {
            switch (tag & 7) {
                case 0 -> varint();
                case 1 -> pos += 8;
                case 2 -> {
                    int len = (int) varint(); // not "pos += varint()": that adds to pos as it was before the read
                    pos += len;
                }
                case 5 -> pos += 4;
                default -> throw new IllegalArgumentException("wire type " + (tag & 7));
            }
        }
    }

}
