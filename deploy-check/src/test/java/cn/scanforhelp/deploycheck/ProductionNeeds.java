package cn.scanforhelp.deploycheck;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one service needs set in production, derived from its own configuration (src/main/resources/application.properties
 * and the {@code @ConfigProperty} defaults of its code), never listed by hand where it can be derived:
 * <ul>
 * <li>a {@code %prod} (or profile-less) value {@code ${ENV}} without a default: nothing works without it;</li>
 * <li>every REST client's URL ({@code quarkus.rest-client.<name>.url}), and its TLS configuration {@code internal};</li>
 * <li>a value, or the default of a {@code ${ENV:default}}, that points at this machine (localhost, 127.0.0.1): the
 * database, Keycloak, the SMSC, the trusted proxies, the Content-Security-Policy's Keycloak origin, the public base URL;</li>
 * <li>a password, secret or key ({@code password}, {@code secret}, {@code cipher.keys.*}, {@code hash-key}): their
 * defaults are for local runs only.</li>
 * </ul>
 * Beside these, {@link #declared} names the few production values a default cannot reveal (the TLS contract between
 * the services, SMPP instead of the log provider, forwarding behind the ingress, secure cookies).
 */
record ProductionNeeds(String service, Map<String, Need> needs) {

    /** A property that must be set: by any of these environment variables, to this value if {@code expected} is set. */
    record Need(String property, Set<String> envNames, String expected, String why) {
    }

    private static final Pattern ENV_REF = Pattern.compile("^\\$\\{([A-Za-z0-9_]+)(?::(.*))?}$");
    private static final Pattern LOCAL = Pattern.compile("localhost|127\\.0\\.0\\.1|\\[::1]");
    private static final Pattern SECRET = Pattern.compile("password|secret|signature-key|cipher\\.keys\\.|(?<!active-)hash-key$");
    private static final Pattern EMBEDDED_REF = Pattern.compile("\\$\\{([A-Z0-9_]+):([^}]*)}");
    /** Build-time documentation, fixed in the artifact: not set at run time. */
    private static final Pattern BUILD_TIME = Pattern.compile("^quarkus\\.smallrye-openapi\\..*");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile(
            "ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"\\s*,\\s*defaultValue\\s*=\\s*\"([^\"]*)\"");

    static ProductionNeeds of(Path repo, String service) throws IOException {
        Path module = repo.resolve(service);
        Properties raw = new Properties();
        try (Reader r = Files.newBufferedReader(module.resolve("src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
            raw.load(r);
        }
        Map<String, String> prod = new LinkedHashMap<>();
        for (String key : raw.stringPropertyNames()) {
            if (!key.startsWith("%")) {
                prod.putIfAbsent(key, raw.getProperty(key));
            }
        }
        for (String key : raw.stringPropertyNames()) {
            if (key.startsWith("%prod.")) {
                prod.put(key.substring("%prod.".length()), raw.getProperty(key));
            }
        }
        Map<String, Need> needs = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : prod.entrySet()) {
            String key = e.getKey();
            String value = e.getValue().trim();
            if (BUILD_TIME.matcher(key).matches()) {
                continue;
            }
            Matcher ref = ENV_REF.matcher(value);
            Set<String> names = new LinkedHashSet<>(List.of(envName(key)));
            String local = value;
            if (ref.matches()) {
                names.add(ref.group(1));
                local = ref.group(2);
                if (local == null) {
                    needs.put(key, new Need(key, names, null, "${" + ref.group(1) + "} without a default"));
                    continue;
                }
            } else if (value.startsWith("${") && value.endsWith("}")) {
                continue; // another property's value: that property's need covers it
            } else {
                Matcher embedded = EMBEDDED_REF.matcher(value); // e.g. a header naming ${SFH_IDP_ORIGIN:http://localhost:8180}
                boolean found = false;
                while (embedded.find()) {
                    if (LOCAL.matcher(embedded.group(2)).find()) {
                        needs.put(key, new Need(key, Set.of(embedded.group(1)), null,
                                "${" + embedded.group(1) + "} in it defaults to this machine"));
                        found = true;
                    }
                }
                if (found) {
                    continue;
                }
            }
            if (key.matches("quarkus\\.rest-client\\.[a-z-]+\\.url")) {
                needs.put(key, new Need(key, names, null, "the URL of another service"));
                String tls = key.substring(0, key.length() - "url".length()) + "tls-configuration-name";
                needs.put(tls, new Need(tls, Set.of(envName(tls)), "internal", "calls between the services are HTTPS"));
            } else if (LOCAL.matcher(local).find()) {
                needs.put(key, new Need(key, names, null, "points at this machine by default: " + local));
            } else if (SECRET.matcher(key).find()) {
                needs.put(key, new Need(key, names, null, "a secret whose default is for local runs only"));
            }
        }
        // defaults in the code: @ConfigProperty(name = ..., defaultValue = "http://localhost:...")
        try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CONFIG_PROPERTY.matcher(Files.readString(f));
                while (m.find()) {
                    if (LOCAL.matcher(m.group(2)).find() && !needs.containsKey(m.group(1)) && !prod.containsKey(m.group(1))) {
                        needs.put(m.group(1), new Need(m.group(1), Set.of(envName(m.group(1))), null,
                                "defaults to this machine in " + f.getFileName()));
                    }
                }
            }
        }
        for (Need n : declared(service, prod)) {
            needs.merge(n.property(), n, (a, b) -> new Need(a.property(), union(a.envNames(), b.envNames()), b.expected(), b.why()));
        }
        return new ProductionNeeds(service, needs);
    }

    /** What the defaults cannot tell: the TLS contract between the services and a few values production must choose. */
    static List<Need> declared(String service, Map<String, String> prod) {
        List<Need> d = new ArrayList<>();
        d.add(exact("quarkus.http.ssl-port", "8443", "the port the other services call"));
        d.add(exact("quarkus.http.tls-configuration-name", "internal", "HTTPS with the TLS registry internal"));
        d.add(exact("quarkus.tls.internal.key-store.pem.0.cert", "/etc/sfh/tls/tls.crt", "the service's certificate"));
        d.add(exact("quarkus.tls.internal.key-store.pem.0.key", "/etc/sfh/tls/tls.key", "its key"));
        d.add(exact("quarkus.tls.internal.trust-store.pem.certs", "/etc/sfh/tls/ca.crt", "the CA of the others"));
        d.add(exact("quarkus.management.port", "9000", "the probes and Prometheus"));
        d.add(exact("quarkus.oidc.tls.tls-configuration-name", "internal", "Keycloak inside the cluster is HTTPS"));
        d.add(new Need("quarkus.oidc.token.issuer", Set.of(envName("quarkus.oidc.token.issuer")), null,
                "tokens name Keycloak's public address, the services reach it inside"));
        if (prod.containsKey("quarkus.oidc-client.client-id")) {
            d.add(exact("quarkus.oidc-client.tls.tls-configuration-name", "internal", "service-account tokens from Keycloak inside"));
        }
        if (prod.containsKey("quarkus.datasource.jdbc.url")) {
            d.add(new Need("quarkus.datasource.username", Set.of(envName("quarkus.datasource.username")), null,
                    "the runtime role, not the local postgres"));
            d.add(new Need("quarkus.flyway.username", Set.of(envName("quarkus.flyway.username")), null,
                    "the migrations run as the owner, the service as the runtime role"));
            d.add(new Need("quarkus.flyway.password", Set.of(envName("quarkus.flyway.password")), null, "the owner's password"));
            d.add(new Need("quarkus.flyway.placeholders.runtime_role", Set.of("SFH_DB_RUNTIME_ROLE"), null,
                    "the role granted the tables after each migration"));
        }
        if (prod.containsKey("sms.provider")) {
            d.add(new Need("sms.provider", Set.of("SMS_PROVIDER"), "smpp", "the log provider sends nothing"));
        }
        String forwarding = prod.get("quarkus.http.proxy.proxy-address-forwarding");
        if (forwarding != null || service.equals("staff-console")) {
            Matcher ref = ENV_REF.matcher(forwarding == null ? "" : forwarding);
            Set<String> names = new LinkedHashSet<>(List.of(envName("quarkus.http.proxy.proxy-address-forwarding")));
            if (ref.matches()) {
                names.add(ref.group(1));
            }
            d.add(new Need("quarkus.http.proxy.proxy-address-forwarding", names, "true",
                    "behind the ingress: the client's address and scheme from X-Forwarded-*"));
            d.add(new Need("quarkus.http.proxy.trusted-proxies", alternatives(prod, "quarkus.http.proxy.trusted-proxies"), null,
                    "believed only from the ingress controller"));
        }
        if (prod.containsKey("quarkus.oidc.authentication.cookie-force-secure")) {
            d.add(new Need("quarkus.oidc.authentication.cookie-force-secure",
                    alternatives(prod, "quarkus.oidc.authentication.cookie-force-secure"), "true", "cookies over HTTPS only"));
        }
        return d;
    }

    private static Need exact(String property, String value, String why) {
        return new Need(property, Set.of(envName(property)), value, why);
    }

    private static Set<String> alternatives(Map<String, String> prod, String key) {
        Set<String> names = new LinkedHashSet<>(List.of(envName(key)));
        Matcher ref = ENV_REF.matcher(prod.getOrDefault(key, ""));
        if (ref.matches()) {
            names.add(ref.group(1));
        }
        return names;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new LinkedHashSet<>(a);
        u.addAll(b);
        return u;
    }

    /** MicroProfile Config's environment variable name of a property: non-alphanumerics become _, upper case. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }
}
