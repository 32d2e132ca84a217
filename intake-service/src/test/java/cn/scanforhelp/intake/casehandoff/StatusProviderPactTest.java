package cn.scanforhelp.intake.casehandoff;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.IgnoreNoPactsToVerify;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import cn.scanforhelp.infra.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * case → intake: verifies every pact in src/test/resources/pacts whose provider is intake-service
 * (case-service's consumer test writes it there) against the running service, with a real token.
 */
@QuarkusTest
@Provider("intake-service")
@PactFolder("src/test/resources/pacts")
@IgnoreNoPactsToVerify
class StatusProviderPactTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    AgroalDataSource db;

    @BeforeEach
    void target(PactVerificationContext context) {
        if (context != null) {
            context.setTarget(new HttpTestTarget(base.getHost(), base.getPort()));
        }
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void verify(PactVerificationContext context, HttpRequest request) {
        if (context != null) {
            request.setHeader("Authorization", "Bearer " + Tokens.caseService());
            context.verifyInteraction();
        }
    }

    /** The application the status is about is stored (state names as case-service's pact says them). */
    @State({"application 0b7e8c3e-3c1d-4c5e-8f0a-2f9d6b1e7a20 exists",
            "an application 0b7e3c1a-6d2f-4c39-9a55-0e8f3c2a9b11 exists"})
    void applicationExists() throws Exception {
        insertApplication("0b7e8c3e-3c1d-4c5e-8f0a-2f9d6b1e7a20");
        insertApplication("0b7e3c1a-6d2f-4c39-9a55-0e8f3c2a9b11");
    }

    @State("no application 9e9e9e9e-0000-4000-8000-000000000000 exists")
    void noApplication() {
        // nothing to do: that id is never created
    }

    void insertApplication(String id) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into application (id, tracking_number, channel, division_code, applicant_name, id_number,
                  id_number_hash, phone, phone_hash, cipher_key_id, difficulty, consent_version, submitted_at,
                  status_updated_at)
                values (?::uuid, ?, 'QR', '620503114', 'k1:x', 'k1:x', 'h', 'k1:x', 'h', 'k1', 'ILLNESS', '2026-11',
                  now(), now())
                on conflict (id) do nothing""")) {
            ps.setString(1, id);
            ps.setString(2, "PACT" + id.substring(0, 7).toUpperCase());
            ps.executeUpdate();
        }
    }
}
