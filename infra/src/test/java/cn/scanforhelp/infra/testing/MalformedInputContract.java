package cn.scanforhelp.infra.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import cn.scanforhelp.infra.security.Roles;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Walks the service's own OpenAPI document and sends every operation malformed parameters,
 * headers, bodies and tokens. None may be a 5xx; every 4xx is problem+json (or, for the resident's
 * HTML pages, the HTML the operation declares). New endpoints are covered without a new test.
 */
public abstract class MalformedInputContract {

    private static final String LONG = "x".repeat(1000);
    /** Every staff role but township-reviewer (which needs a township) and every service role: reaches past @RolesAllowed. */
    private static final String STRONG = strong();

    private static String strong() {
        String[] all = Roles.SERVICE_ROLES.toArray(String[]::new);
        return Tokens.user("walker").roles("admin", "district-officer", "hotline-operator")
                .clientRoles("case-service", all).clientRoles("intake-service", all)
                .clientRoles("notification-service", all).authorizedParty("walker").division("620503").sign();
    }

    record Operation(String method, String path, List<Map<String, Object>> parameters, List<String> bodyTypes,
            boolean html) {
        String name() {
            return method.toUpperCase() + " " + path;
        }
    }

    record Probe(String what, String target, Map<String, String> headers, String body) {
        static Probe of(String what, String target, String body, String... headers) {
            Map<String, String> h = new java.util.LinkedHashMap<>();
            for (int i = 0; i + 1 < headers.length; i += 2) {
                h.put(headers[i], headers[i + 1]);
            }
            return new Probe(what, target, h, body);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyOperationAnswersMalformedInputWith4xx() {
        List<Operation> ops = operations();
        assertTrue(ops.size() >= 3, "the OpenAPI document lists the operations");
        return ops.stream().map(op -> dynamicTest(op.name(), () -> {
            List<String> wrong = new ArrayList<>();
            for (Probe p : probes(op)) {
                String w = check(op, p);
                if (w != null) {
                    wrong.add(w);
                }
            }
            assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        }));
    }

    static List<Operation> operations() {
        JsonPath doc = Management.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        List<Operation> ops = new ArrayList<>();
        paths.forEach((path, item) -> item.forEach((method, raw) -> {
            if (!List.of("get", "post", "put", "patch", "delete").contains(method)) {
                return;
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> params = (List<Map<String, Object>>) raw.getOrDefault("parameters", List.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> body = (Map<String, Object>) raw.get("requestBody");
            @SuppressWarnings("unchecked")
            List<String> types = body == null ? List.of()
                    : List.copyOf(((Map<String, Object>) body.getOrDefault("content", Map.of())).keySet());
            boolean html = String.valueOf(raw.get("responses")).contains("text/html");
            ops.add(new Operation(method, path, params, types, html));
        }));
        return ops;
    }

    static List<Probe> probes(Operation op) {
        String path = samplePath(op, null);
        String bearer = "Bearer " + STRONG;
        List<Probe> probes = new ArrayList<>();
        for (String token : List.of("not-a-jwt", "...", "a.b.c", Tokens.user("walker").roles("admin").unsigned(),
                Tokens.user("walker").roles("admin").audience("elsewhere").sign())) {
            probes.add(Probe.of("token", path, null, "Authorization", "Bearer " + token));
        }
        if (op.path().contains("{")) {
            for (String bad : List.of("%ZZ", "%E4%B8", "%", "%C0%AF", LONG)) {
                probes.add(Probe.of("path " + bad.substring(0, 1), samplePath(op, bad), null, "Authorization", bearer));
            }
        }
        for (Map<String, Object> p : op.parameters()) {
            String name = String.valueOf(p.get("name"));
            String in = String.valueOf(p.get("in"));
            for (String bad : List.of("maybe", "-1", "2026-13-45", "99999999999999999999", LONG, "%ZZ", "%E4%B8", "%")) {
                if ("query".equals(in)) {
                    probes.add(Probe.of("query " + name, path + "?" + name + "=" + bad, null, "Authorization", bearer));
                } else if ("header".equals(in)) {
                    probes.add(Probe.of("header " + name, path, null, "Authorization", bearer, name, bad));
                }
            }
        }
        for (String[] h : new String[][] {{"Accept-Language", "en;q=abc,,@@"}, {"If-Match", "\"unterminated"},
                {"If-Match", LONG}, {"Idempotency-Key", LONG}, {"Idempotency-Key", "%%%"}, {"Accept", "garbage//"},
                {"Content-Type", ";;==garbage"}}) {
            probes.add(Probe.of("header " + h[0], path, null, "Authorization", bearer, h[0], h[1]));
        }
        List<String> types = new ArrayList<>(op.bodyTypes().isEmpty() ? List.of("application/json") : op.bodyTypes());
        types.addAll(List.of("text/plain; charset=no-such-charset", "application/json; charset=x",
                "application/x-www-form-urlencoded", ";;==garbage"));
        for (String type : types) {
            for (String body : List.of("{\"a\":", "%ZZ=&&=", "name", "=%", "\u0000\u00ff", "[]", "null",
                    "{\"a\":[[[[[[[[[[[[")) {
                probes.add(Probe.of("body " + type, path, body, "Authorization", bearer, "Content-Type", type));
            }
        }
        return probes;
    }

    static String samplePath(Operation op, String bad) {
        String path = op.path();
        for (Map<String, Object> p : op.parameters()) {
            if (!"path".equals(p.get("in"))) {
                continue;
            }
            String schema = String.valueOf(p.get("schema"));
            String value = bad != null ? bad : schema.contains("uuid") ? java.util.UUID.randomUUID().toString()
                    : schema.contains("0-9") ? "620503114" : "X1";
            path = path.replace("{" + p.get("name") + "}", value);
        }
        return path;
    }

    static boolean isUri(String target) {
        try {
            java.net.URI.create(target);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** null when the answer is right, else what was wrong. */
    static String check(Operation op, Probe probe) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        Map<String, String> headers = new java.util.LinkedHashMap<>(probe.headers());
        headers.put("X-Forwarded-For", "10." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + rnd.nextInt(1, 255));
        RawHttp.Answer res = RawHttp.send(op.method(), probe.target(), headers, probe.body());
        int status = res.status();
        String type = res.contentType();
        String where = op.name() + " (" + probe.what() + "): " + status + " " + type;
        // A request target that is not a URI at all ("%", "%ZZ") is refused by the HTTP layer with a
        // bare 400 before any application code runs: 4xx, but no body to check.
        // Likewise a request line or headers over Vert.x's limits (414, 431).
        boolean bareHttpLayer = type.isEmpty() && (status == 400 && !isUri(probe.target()) || status == 414 || status == 431);
        boolean right = status < 500 && (status < 400 || bareHttpLayer || type.startsWith("application/problem+json")
                || op.html() && type.startsWith("text/html"));
        return right ? null : where;
    }
}
