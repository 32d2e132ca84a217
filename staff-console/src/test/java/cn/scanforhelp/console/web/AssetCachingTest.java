package cn.scanforhelp.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.console.WebSession;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * What a reviewer's browser downloads again: the stylesheet and htmx are cached and revalidated (304, no
 * body), sent compressed; a page is never cached (it shows personal data).
 */
@QuarkusTest
class AssetCachingTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URI base;

    @Test
    void theStylesheetAndHtmxAreCachedRevalidatedAndCompressed() throws Exception {
        for (String path : new String[] {"static/console.css", "webjars/htmx.org/dist/htmx.min.js"}) {
            HttpResponse<byte[]> first = HTTP.send(HttpRequest.newBuilder(base.resolve(path))
                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, first.statusCode(), path);
            String cache = first.headers().firstValue("Cache-Control").orElse("");
            assertTrue(cache.contains("public") && cache.contains("max-age=86400") && !cache.contains("no-store"),
                    path + ": Cache-Control " + cache);
            assertEquals("gzip", first.headers().firstValue("Content-Encoding").orElse(""), path);
            String lastModified = first.headers().firstValue("Last-Modified").orElseThrow(() -> new AssertionError(path + ": no Last-Modified"));

            HttpResponse<byte[]> again = HTTP.send(HttpRequest.newBuilder(base.resolve(path))
                    .header("Accept-Encoding", "gzip").header("If-Modified-Since", lastModified).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(304, again.statusCode(), path + " revalidated");
            assertEquals(0, again.body().length, path);
        }
    }

    @Test
    void aPageIsNeverCachedButIsCompressed() throws Exception {
        WebSession s = new WebSession(base.toString());
        assertEquals(200, s.signIn("liqiao").status());
        HttpResponse<byte[]> page = HTTP.send(HttpRequest.newBuilder(base)
                .header("Cookie", s.cookieHeader()).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, page.statusCode());
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("gzip", page.headers().firstValue("Content-Encoding").orElse(""));
    }
}
