package cn.scanforhelp.infra.security;

import cn.scanforhelp.infra.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling and which part of the map they serve. A staff token carries the claim
 * {@code division} (a statistical division code); the caller sees exactly the records whose
 * division code starts with it. A token without it sees nothing (403), never everything.
 *
 * <p>A township role is tied to a township: a {@code township-reviewer} or {@code window-clerk} whose division is not a
 * 9-digit township code (e.g. {@code 62}, a province) is refused (403
 * {@code township-role-needs-township}), so a mistyped account attribute cannot open a province.
 */
@RequestScoped
public class StaffScope {

    public static final String DIVISION_CLAIM = "division";

    private final SecurityIdentity identity;
    private final JsonWebToken jwt;

    public StaffScope(SecurityIdentity identity, JsonWebToken jwt) {
        this.identity = identity;
        this.jwt = jwt;
    }

    /** The caller's division code; 403 when the token has none. */
    public String division() {
        Object claim = jwt == null ? null : jwt.getClaim(DIVISION_CLAIM);
        String d = claim == null ? null : claim.toString().replace("\"", "").trim();
        if (d == null || d.isEmpty() || !d.chars().allMatch(Character::isDigit)) {
            throw new ProblemException(403, "no-division");
        }
        if (identity != null && (identity.hasRole(Roles.TOWNSHIP_REVIEWER) || identity.hasRole(Roles.WINDOW_CLERK)) && !isTownship(d)) {
            throw new ProblemException(403, "township-role-needs-township");
        }
        return d;
    }

    /** A township (乡/镇/街道) code: county (6 digits) + 3. */
    public static boolean isTownship(String divisionCode) {
        return divisionCode != null && divisionCode.length() == TOWNSHIP_DIGITS
                && divisionCode.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static final int TOWNSHIP_DIGITS = 9;

    public boolean covers(String divisionCode) {
        return divisionCode != null && divisionCode.startsWith(division());
    }

    /** The staff member's user name, as recorded in audit trails and call records. */
    public String user() {
        String preferred = jwt == null ? null : jwt.getClaim("preferred_username");
        return preferred != null ? preferred : identity.getPrincipal().getName();
    }

    /**
     * The client the token was issued to (its {@code azp} claim, authorized party): for a service
     * account, the calling service's client id. The inbox records each delivery under it (not under a
     * constant naming the expected sender), so its rows say who really sent what. 403 when the token
     * has none (Keycloak always sets it).
     */
    public String callerClient() {
        Object claim = jwt == null ? null : jwt.getClaim("azp");
        String azp = claim == null ? null : claim.toString().replace("\"", "").trim();
        if (azp == null || azp.isEmpty() || azp.length() > 100) {
            throw new ProblemException(403, "forbidden");
        }
        return azp;
    }

    /** True for a service account: a caller holding one of the roles between services. */
    public boolean isServiceAccount() {
        return identity != null && Roles.SERVICE_ROLES.stream().anyMatch(identity::hasRole);
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Set<String> roles() {
        return identity.getRoles();
    }
}
