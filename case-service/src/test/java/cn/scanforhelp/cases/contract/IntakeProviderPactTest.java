package cn.scanforhelp.cases.contract;

import static cn.scanforhelp.cases.CaseFixtures.count;
import static cn.scanforhelp.cases.CaseFixtures.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.UUID;
import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/** Verifies intake-service's pact (its relay delivering applications) against this running service. */
@QuarkusTest
@Provider("case-service")
@PactFolder("src/test/resources/pacts")
class IntakeProviderPactTest {

    static final UUID APPLICATION = UUID.fromString("0b7e8c3e-3c1d-4c5e-8f0a-2f9d6b1e7a20");

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void target(PactVerificationContext context) {
        context.setTarget(new HttpTestTarget(base.getHost(), base.getPort()));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void verify(PactVerificationContext context, HttpRequest request) {
        request.setHeader("Authorization", "Bearer " + Tokens.serviceAccount());
        context.verifyInteraction();
    }

    @State("application 0b7e8c3e-3c1d-4c5e-8f0a-2f9d6b1e7a20 has not been received")
    void notReceived() {
        // forget the application and its case (test data only; the audit log keeps its lines)
        String cases = "select case_id from case_application where application_id = ?";
        sql("delete from case_step where case_id in (" + cases + ")", APPLICATION);
        sql("delete from case_deadline where case_id in (" + cases + ")", APPLICATION);
        sql("with a as (delete from case_application where application_id = ? returning case_id) "
                + "delete from case_file where id in (select case_id from a)", APPLICATION);
    }

    @State("application 0b7e8c3e-3c1d-4c5e-8f0a-2f9d6b1e7a20 was already received")
    void alreadyReceived() {
        // the first interaction received it; nothing to prepare when it runs first, else receive it now
        if (count("select count(*) from case_application where application_id = ?", APPLICATION) == 0) {
            cn.scanforhelp.cases.CaseFixtures.post(sampleFromPact()).then().statusCode(200);
        }
    }

    @AfterAll
    static void aRepeatCreatedNothing() {
        assertEquals(1, count("select count(*) from case_application where application_id = ?", APPLICATION));
        assertEquals(1, count("select count(*) from case_file f join case_application a on a.case_id = f.id "
                + "where a.application_id = ?", APPLICATION));
    }

    static java.util.Map<String, Object> sampleFromPact() {
        var m = cn.scanforhelp.cases.CaseFixtures.application("620503114", "62050319800101123X");
        m.put("applicationId", APPLICATION.toString());
        m.put("trackingNumber", "K7QM4HXP2R");
        return m;
    }
}
