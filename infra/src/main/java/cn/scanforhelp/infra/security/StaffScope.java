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
        return d;
    }

    public boolean covers(String divisionCode) {
        return divisionCode != null && divisionCode.startsWith(division());
    }

    /** The staff member's user name, as recorded in audit trails and call records. */
    public String user() {
        String preferred = jwt == null ? null : jwt.getClaim("preferred_username");
        return preferred != null ? preferred : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Set<String> roles() {
        return identity.getRoles();
    }
}
