package cn.scanforhelp.console;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser without a browser: cookies, redirects, forms. {@link #signIn} walks the real code flow: the
 * console redirects to the test provider's login page, the form is posted, the provider redirects back
 * with a code, and the console exchanges it (PKCE) and sets its encrypted session cookie.
 */
public final class WebSession {

    public record Page(int status, URI uri, String body, Document doc) {
        public String text(String css) {
            Element e = doc.selectFirst(css);
            return e == null ? null : e.text();
        }
    }

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String language = "zh-CN";

    public WebSession(String base) {
        this.base = base.replaceAll("/$", "");
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public WebSession language(String tag) {
        this.language = tag;
        return this;
    }

    public static WebSession signedIn(String base, String user) {
        WebSession s = new WebSession(base);
        Page home = s.signIn(user);
        if (home.status() != 200) {
            throw new IllegalStateException("sign-in as " + user + " ended with " + home.status() + ": " + home.body());
        }
        return s;
    }

    public Page signIn(String user) {
        return login(get("/"), user);
    }

    /**
     * The session ends as a browser ends it once the session cookie's age has passed: the cookie is gone. Other
     * cookies (language, CSRF, a kept form) stay.
     */
    public WebSession dropSession() {
        var store = cookies.getCookieStore();
        store.getCookies().stream().filter(c -> c.getName().startsWith("q_session")).toList()
                .forEach(c -> store.remove(null, c));
        return this;
    }

    /** The names of the cookies this browser holds now. */
    public java.util.List<String> cookieNames() {
        return cookies.getCookieStore().getCookies().stream().map(java.net.HttpCookie::getName).toList();
    }

    /** Signs in on a login page the console redirected to; answers the page the console sends back to. */
    public Page login(Page login, String user) {
        Element form = login.doc().selectFirst("form#kc-form-login");
        if (form == null) {
            throw new IllegalStateException("no login page at " + login.uri() + ": " + login.body());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element i : form.select("input[type=hidden]")) {
            fields.put(i.attr("name"), i.attr("value"));
        }
        fields.put("username", user);
        fields.put("password", user);
        URI action = login.uri().resolve(form.attr("action"));
        return send(HttpRequest.newBuilder(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))));
    }

    /** A binary answer (a PDF): status, content type, bytes. */
    public record Binary(int status, String contentType, byte[] bytes) {
    }

    public Binary bytes(String path) {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", language)
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Binary(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** The session's cookies as a browser sends them to the console (for a request built by hand). */
    public String cookieHeader() {
        return String.join("; ", cookies.getCookieStore().get(URI.create(base)).stream()
                .map(c -> c.getName() + "=" + c.getValue()).toList());
    }

    /** Posts a form of the page like a browser: its hidden fields (CSRF token, version) plus these values. */
    public Page submit(Page page, String formCss, Map<String, String> values) {
        Element form = page.doc().selectFirst(formCss);
        if (form == null) {
            throw new IllegalStateException("no form " + formCss + " on " + page.uri());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element i : form.select("input[type=hidden]")) {
            fields.put(i.attr("name"), i.attr("value"));
        }
        fields.putAll(values);
        return post(form.attr("action"), fields);
    }

    /** Posts exactly these fields (repeated names allowed) to a path of the console. */
    public Page postMulti(String path, java.util.List<Map.Entry<String, String>> fields) {
        String body = fields.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** As {@link #submit}, with repeated names (checkboxes). */
    public Page submitMulti(Page page, String formCss, java.util.List<Map.Entry<String, String>> values) {
        Element form = page.doc().selectFirst(formCss);
        java.util.List<Map.Entry<String, String>> fields = new java.util.ArrayList<>();
        for (Element i : form.select("input[type=hidden]")) {
            fields.add(Map.entry(i.attr("name"), i.attr("value")));
        }
        fields.addAll(values);
        String body = fields.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(form.attr("action")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a form of the page as multipart/form-data, as a browser posts a form with a file field. */
    public Page submitFile(Page page, String formCss, Map<String, String> values, String fileField, String fileName,
            byte[] content) {
        Element form = page.doc().selectFirst(formCss);
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element i : form.select("input[type=hidden]")) {
            fields.put(i.attr("name"), i.attr("value"));
        }
        fields.putAll(values);
        String boundary = "----sfh" + java.util.UUID.randomUUID().toString().replace("-", "");
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(form.attr("action")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** As {@link #submit}, the way htmx posts it (header HX-Request). */
    public Page submitHtmx(Page page, String formCss, Map<String, String> values) {
        Element form = page.doc().selectFirst(formCss);
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element i : form.select("input[type=hidden]")) {
            fields.put(i.attr("name"), i.attr("value"));
        }
        fields.putAll(values);
        return send(HttpRequest.newBuilder(uri(form.attr("action"))).header("HX-Request", "true")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))));
    }

    public Page post(String path, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))));
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    private Page send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.header("Accept-Language", language).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(r.statusCode(), r.uri(), r.body(), Jsoup.parse(r.body(), r.uri().toString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
