package cn.scanforhelp.cases.contract;

import static cn.scanforhelp.cases.CaseFixtures.sql;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies intake-service's pact (its relay delivering applications, one at a time and in batches)
 * against this running service.
 */
@QuarkusTest
@Provider("case-service")
@PactFolder("src/test/resources/pacts")
class IntakeProviderPactTest {

    static {
        System.setProperty("pact_do_not_track", "true");
    }

    static final Path PACT = Path.of("src/test/resources/pacts/intake-service-case-service.json");

    @TestHTTPResource("/")
    URL base;
    @Inject
    FieldCipher cipher;

    @BeforeEach
    void target(PactVerificationContext context) {
        if (context != null) {
            context.setTarget(new HttpTestTarget(base.getHost(), base.getPort()));
        }
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void verify(PactVerificationContext context, HttpRequest request) {
        request.setHeader("Authorization", "Bearer " + Tokens.intakeService());
        context.verifyInteraction();
    }

    /** Every applicant and application of the pact is unknown: each interaction opens a new case. */
    @State("application 0b7e8c3e-3c1d-4c5e-8f0a-2f9d6b1e7a20 has not been received")
    void noCase() throws Exception {
        for (JsonNode body : applications()) {
            forget(UUID.fromString(body.get("applicationId").asText()), body.get("applicant").get("idNumber").asText(),
                    body.get("trackingNumber").asText());
        }
    }

    /** Every application the pact sends: request bodies, and each item of a batch's array. */
    static List<JsonNode> applications() throws Exception {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode i : new ObjectMapper().readTree(Files.readString(PACT)).get("interactions")) {
            JsonNode body = i.get("request").get("body");
            if (body.isArray()) {
                body.forEach(all::add);
            } else {
                all.add(body);
            }
        }
        return all;
    }

    /** The application was delivered once before: the interaction is the relay's repeat. */
    @State("application 0b7e8c3e-3c1d-4c5e-8f0a-2f9d6b1e7a20 was already received")
    void alreadyReceived() throws Exception {
        noCase();
        for (JsonNode body : applications()) {
            if ("0b7e8c3e-3c1d-4c5e-8f0a-2f9d6b1e7a20".equals(body.get("applicationId").asText())) {
                io.restassured.RestAssured.given().baseUri(base.toString()).auth().oauth2(Tokens.intakeService())
                        .contentType("application/json").body(body.toString())
                        .post("/internal/v1/applications").then().statusCode(200);
                return;
            }
        }
    }

    /** Removes test data of a person (the audit log keeps its lines: it cannot forget). */
    void forget(UUID applicationId, String idNumber, String trackingNumber) {
        String cases = "select id from case_file where id_number_hash = ? or tracking_number = ? "
                + "or id in (select case_id from case_application where application_id = ?)";
        Object[] p = {cipher.hash(idNumber), trackingNumber, applicationId};
        for (String table : new String[] {"case_step", "case_deadline", "household_member", "household_asset",
            "case_application"}) {
            sql("delete from " + table + " where case_id in (" + cases + ")", p);
        }
        sql("delete from case_file where id in (" + cases + ")", p);
    }
}
