package cn.scanforhelp.infra.observability;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Keeps query strings out of exported spans: the HTTP server and client instrumentation record the
 * request's URL with its query, and some queries carry personal data (the hotline's {@code ?phone=}),
 * which must never reach a trace backend. The query's values are replaced, its names kept (what an
 * operator needs to tell calls apart). Paths are kept: none carries personal data. A CDI bean, so the
 * OpenTelemetry SDK of every service runs it on each span's start, when these attributes are set.
 */
@ApplicationScoped
public class QueryRedaction implements SpanProcessor {

    /** Current semantic conventions, and the older ones some instrumentation still writes. */
    static final List<AttributeKey<String>> QUERY = List.of(AttributeKey.stringKey("url.query"));
    static final List<AttributeKey<String>> WITH_QUERY = List.of(AttributeKey.stringKey("url.full"),
            AttributeKey.stringKey("http.url"), AttributeKey.stringKey("http.target"));

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        for (AttributeKey<String> key : QUERY) {
            String query = span.getAttribute(key);
            if (query != null) {
                span.setAttribute(key, redact(query));
            }
        }
        for (AttributeKey<String> key : WITH_QUERY) {
            String url = span.getAttribute(key);
            int q = url == null ? -1 : url.indexOf('?');
            if (q >= 0) {
                span.setAttribute(key, url.substring(0, q + 1) + redact(url.substring(q + 1)));
            }
        }
    }

    /** {@code phone=138…&page=2} → {@code phone=…&page=…}: names kept, every value (and a bare value) gone. */
    static String redact(String query) {
        StringBuilder out = new StringBuilder(query.length());
        for (String pair : query.split("&", -1)) {
            if (out.length() > 0) {
                out.append('&');
            }
            int eq = pair.indexOf('=');
            out.append(eq < 0 ? (pair.isEmpty() ? "" : "…") : pair.substring(0, eq + 1) + "…");
        }
        return out.toString();
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
