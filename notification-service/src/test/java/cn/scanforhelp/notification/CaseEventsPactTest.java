package cn.scanforhelp.notification;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies whatever case-service's pacts in {@code src/test/resources/pacts} expect of
 * {@code POST /internal/v1/events}, against the running service with a fresh service token.
 */
@QuarkusTest
@Provider("notification-service")
@PactFolder("pacts")
class CaseEventsPactTest {

    @TestHTTPResource("/")
    URL url;

    @BeforeEach
    void target(PactVerificationContext context) {
        context.setTarget(new HttpTestTarget(url.getHost(), url.getPort()));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void verify(PactVerificationContext context, HttpRequest request) {
        request.setHeader("Authorization", "Bearer " + Tokens.caseService());
        context.verifyInteraction();
    }

    /**
     * Events are accepted in any state. case-service's pacts reuse one event id, so after the first
     * interaction the others are repeats, which must be answered 202 as well (and send nothing new).
     */
    @State("notification-service accepts events")
    void acceptsEvents() {
        // nothing to prepare
    }
}
