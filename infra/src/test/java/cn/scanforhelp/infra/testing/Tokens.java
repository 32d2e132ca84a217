package cn.scanforhelp.infra.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Access tokens shaped like the realm's (realm_access.roles, resource_access, azp, division, preferred_username), signed
 * by the test provider's key. {@code expired()} and {@code foreignKey()} make the tokens that must
 * be refused.
 */
public final class Tokens {

    private final String user;
    private Set<String> roles = Set.of();
    private Map<String, Set<String>> clientRoles = Map.of();
    private String azp;
    private String division;
    private long lifetimeSeconds = 300;
    private boolean expired;
    private boolean foreignKey;
    private Set<String> audience = DEFAULT_AUDIENCE;

    /**
     * What the realm's audience mappers put into real tokens: Keycloak's own {@code account} and
     * the three services, so a token made here is accepted by whichever service a test talks to.
     * {@link #audience(String...)} narrows it, e.g. to show a token meant for another service fails.
     */
    public static final Set<String> DEFAULT_AUDIENCE =
            Set.of("account", "intake-service", "case-service", "notification-service");
    /**
     * The realm's grants between services, as deploy/keycloak/scan-for-help-realm.json gives them (checked
     * by RealmGrantsTest): caller client id to (receiving client id to client roles). Written out here,
     * not taken from infra's Roles, because the staff console's tests have this class without infra.
     */
    public static final Map<String, Map<String, Set<String>>> GRANTS = Map.of(
            "intake-service", Map.of("case-service", Set.of("submit-applications",
                    "file-objections")),
            "case-service", Map.of("notification-service", Set.of("send-events"),
                    "intake-service", Set.of("update-status",
                            "publish-notices")),
            "notification-service", Map.of("case-service", Set.of("record-satisfaction")),
            "alert-import", Map.of("intake-service", Set.of("import-alerts")));
    private String type = "Bearer";
    private String nonce;

    private Tokens(String user) {
        this.user = user;
    }

    public static Tokens user(String user) {
        return new Tokens(user);
    }

    /**
     * A service account's client-credentials token, as the realm issues it: azp the client id and, in
     * {@code resource_access}, exactly the client roles {@link #GRANTS} gives that client (none for
     * a client the realm does not know).
     */
    public static Tokens service(String clientId) {
        Tokens t = new Tokens("service-account-" + clientId).authorizedParty(clientId).lifetime(86_400);
        t.clientRoles = GRANTS.getOrDefault(clientId, Map.of());
        return t;
    }

    public Tokens lifetime(long seconds) {
        this.lifetimeSeconds = seconds;
        return this;
    }

    public static String operator() {
        return user("operator").roles("hotline-operator").division("620503").sign();
    }

    public static String liqiao() {
        return user("liqiao").roles("township-reviewer").division("620503114").sign();
    }

    /** The walk-in window clerk of 利桥镇 (一门受理). */
    public static String chuangkou() {
        return user("chuangkou").roles("window-clerk").division("620503114").sign();
    }

    public static String dangchuan() {
        return user("dangchuan").roles("township-reviewer").division("620503116").sign();
    }

    public static String officer() {
        return user("officer").roles("district-officer").division("620503").sign();
    }

    public static String admin() {
        return user("admin").roles("admin").division("620503").sign();
    }

    /** intake-service's account: may deliver applications to case-service. */
    public static String intakeService() {
        return service("intake-service").sign();
    }

    /** case-service's account: may send events to notification-service and status updates to intake-service. */
    public static String caseService() {
        return service("case-service").sign();
    }

    /** notification-service's account: may record satisfaction replies at case-service. */
    public static String notificationService() {
        return service("notification-service").sign();
    }

    /** Another department's alert-sending system: may import alerts at intake-service. */
    public static String alertImport() {
        return service("alert-import").sign();
    }

    public Tokens roles(String... roles) {
        this.roles = Set.of(roles);
        return this;
    }

    /** Client roles of one receiving client ({@code resource_access.<client>.roles}), besides any already set. */
    public Tokens clientRoles(String client, String... roles) {
        Map<String, Set<String>> m = new java.util.HashMap<>(clientRoles);
        m.put(client, Set.of(roles));
        this.clientRoles = Map.copyOf(m);
        return this;
    }

    /** The azp claim (authorized party: the client the token was issued to). */
    public Tokens authorizedParty(String clientId) {
        this.azp = clientId;
        return this;
    }

    public Tokens division(String division) {
        this.division = division;
        return this;
    }

    /** The {@code aud} claim instead of {@link #DEFAULT_AUDIENCE}. */
    public Tokens audience(String... audience) {
        this.audience = Set.of(audience);
        return this;
    }

    public Tokens expired() {
        this.expired = true;
        return this;
    }

    /** The typ claim: {@code Bearer} for access tokens (the default), {@code ID} for ID tokens. */
    public Tokens type(String type) {
        this.type = type;
        return this;
    }

    /** The nonce claim of an ID token (none when null). */
    public Tokens nonce(String nonce) {
        this.nonce = nonce;
        return this;
    }

    /** Signed by a key the provider never published: must be refused. */
    public Tokens foreignKey() {
        this.foreignKey = true;
        return this;
    }

    public String sign() {
        return sign(OidcResource.issuer());
    }

    /**
     * The same claims with {@code "alg":"none"} and no signature: a token anyone can write, which
     * must be refused (401), never sent to the provider for a second opinion.
     */
    public String unsigned() {
        String payload = sign().split("\\.")[1];
        String header = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    String sign(String issuer) {
        long now = Instant.now().getEpochSecond();
        long iat = expired ? now - 3600 : now;
        JwtClaimsBuilder b = Jwt.issuer(issuer).subject(user).claim("preferred_username", user)
                .claim("typ", type).audience(audience)
                .claim("realm_access", Map.of("roles", List.copyOf(roles)))
                .issuedAt(iat).expiresAt(expired ? now - 1800 : now + lifetimeSeconds);
        if (!clientRoles.isEmpty()) {
            Map<String, Object> access = new java.util.TreeMap<>();
            clientRoles.forEach((client, r) -> access.put(client, Map.of("roles", List.copyOf(r))));
            b.claim("resource_access", access);
        }
        if (azp != null) {
            b.claim("azp", azp);
        }
        if (division != null) {
            b.claim("division", division);
        }
        if (nonce != null) {
            b.claim("nonce", nonce);
        }
        try {
            var key = foreignKey ? KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate()
                    : OidcResource.KEYS.getPrivate();
            return b.jws().keyId(OidcResource.KID).sign(key);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
