package cn.scanforhelp.cases.contract;

import static cn.scanforhelp.cases.CaseFixtures.count;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.scanforhelp.cases.CaseFixtures;
import cn.scanforhelp.infra.crypto.FieldCipher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** intake's relay retries until accepted: the pact's own application, delivered twice, opens one case. */
@QuarkusTest
class IntakePactRepeatTest {

    @Inject
    FieldCipher cipher;

    void noCase() throws Exception {
        IntakeProviderPactTest t = new IntakeProviderPactTest();
        t.cipher = cipher;
        t.noCase();
    }

    @Test
    void aRepeatedDeliveryOfThePactsApplicationCreatesNothing() throws Exception {
        noCase();
        JsonNode first = null;
        for (JsonNode i : new ObjectMapper().readTree(Files.readString(IntakeProviderPactTest.PACT)).get("interactions")) {
            if (first == null && i.get("request").get("body").isObject()) {
                first = i; // the first single delivery (a batch's body is an array)
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> body = new ObjectMapper().convertValue(first.get("request").get("body"), Map.class);
        String answer = CaseFixtures.post(body).then().statusCode(200).extract().asString();
        body.put("eventId", UUID.randomUUID().toString()); // the relay's retry of the same application
        assertEquals(answer, CaseFixtures.post(body).then().statusCode(200).extract().asString());
        UUID app = UUID.fromString((String) body.get("applicationId"));
        assertEquals(1, count("select count(*) from case_application where application_id = ?", app));
        assertEquals(1, count("select count(*) from case_file f join case_application a on a.case_id = f.id "
                + "where a.application_id = ?", app));
    }
}
