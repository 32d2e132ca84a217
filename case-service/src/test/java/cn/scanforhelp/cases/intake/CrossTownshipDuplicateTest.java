package cn.scanforhelp.cases.intake;

import static cn.scanforhelp.cases.CaseFixtures.investigate;
import static cn.scanforhelp.cases.CaseFixtures.action;
import static cn.scanforhelp.cases.CaseFixtures.application;
import static cn.scanforhelp.cases.CaseFixtures.count;
import static cn.scanforhelp.cases.CaseFixtures.idNumber;
import static cn.scanforhelp.cases.CaseFixtures.open;
import static cn.scanforhelp.cases.CaseFixtures.post;
import static cn.scanforhelp.cases.CaseFixtures.step;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.testing.PostgresResource;
import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The same ID number in two townships is not folded into one case: a second case opens where the person
 * applied now, and both townships see it flagged as a possible duplicate of the other. A decided case
 * takes in no new application: a new case opens, linked to the decided one, and its receipt SMS carries
 * the new tracking number to the new phone.
 */
@QuarkusTest
class CrossTownshipDuplicateTest {

    static final String LIQIAO = "620503114";
    static final String DANGCHUAN = "620503116";

    @Inject
    FieldCipher cipher;

    @Test
    void anOpenCaseInAnotherTownshipIsFlaggedOnBothNotFoldedIn() {
        String id = idNumber();
        String first = open(application(LIQIAO, id));
        Map<String, Object> again = application(DANGCHUAN, id);
        String second = post(again).then().statusCode(200).body("linkedToCaseId", nullValue()).extract()
                .path("caseId");
        assertNotEquals(first, second);

        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + first).then().statusCode(200)
                .body("linkedCases.caseId", equalTo(List.of(second)))
                .body("linkedCases[0].kind", equalTo("POSSIBLE_DUPLICATE"))
                .body("linkedCases[0].townshipName", equalTo("党川镇"))
                .body("linkedCases[0].trackingNumber", equalTo(again.get("trackingNumber")))
                .body("history.action", hasItem("FLAG_DUPLICATE"))
                .body("applications.size()", equalTo(1));
        given().auth().oauth2(Tokens.dangchuan()).get("/api/v1/cases/" + second).then().statusCode(200)
                .body("linkedCases.caseId", equalTo(List.of(first)))
                .body("linkedCases[0].kind", equalTo("POSSIBLE_DUPLICATE"))
                .body("linkedCases[0].townshipName", equalTo("利桥镇"));
        // the queue filter shows each township its flagged case
        given().auth().oauth2(Tokens.liqiao()).queryParam("possibleDuplicate", "true").queryParam("size", 100)
                .get("/api/v1/cases").then().statusCode(200).body("items.id", hasItem(first))
                .body("items.id", not(hasItem(second)));
        given().auth().oauth2(Tokens.dangchuan()).queryParam("possibleDuplicate", "true").queryParam("size", 100)
                .get("/api/v1/cases").then().statusCode(200).body("items.id", hasItem(second));
        given().auth().oauth2(Tokens.liqiao()).queryParam("possibleDuplicate", "false").queryParam("size", 100)
                .get("/api/v1/cases").then().statusCode(200).body("items.id", not(hasItem(first)));
        assertEquals(1, count("select count(*) from audit_log where case_id = ? and action = 'FLAG_DUPLICATE'"
                + " and division_code = ?", UUID.fromString(first), LIQIAO));
        // the new application gets its own receipt; the first applicant is not texted about it
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = ? and event_type = 'RECEIVED'",
                second));
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = ? and destination = "
                + "'notification-service'", first));

        // in the same township, the application is still linked to the open case (as before)
        Map<String, Object> same = application(LIQIAO, id);
        post(same).then().statusCode(200).body("linkedToCaseId", equalTo(first));
    }

    @Test
    void aDecidedCaseTakesInNoNewApplicationANewLinkedCaseOpensAndTheNewPhoneGetsTheNewNumber() {
        String r = Tokens.liqiao();
        String id = idNumber();
        String decided = open(application(LIQIAO, id));
        step(decided, r, action("ACCEPT"));
        step(decided, r, action("CLASSIFY", "type", "TEMPORARY"));
        investigate(decided, r);
        step(decided, r, action("COMPLETE_INVESTIGATION"));
        step(decided, r, action("REJECT", "reason", "家庭收入高于标准", "reasonCategory", "INCOME_ABOVE_STANDARD"));

        Map<String, Object> later = application(LIQIAO, id);
        later.put("applicant", Map.of("name", "张小三", "idNumber", id, "phone", "13900001111"));
        String next = post(later).then().statusCode(200).body("linkedToCaseId", nullValue()).extract().path("caseId");
        assertNotEquals(decided, next);

        given().auth().oauth2(r).get("/api/v1/cases/" + next).then().statusCode(200)
                .body("status", equalTo("RECEIVED")).body("trackingNumber", equalTo(later.get("trackingNumber")))
                .body("linkedCases.caseId", equalTo(List.of(decided)))
                .body("linkedCases[0].kind", equalTo("PREVIOUS_CASE"))
                .body("linkedCases[0].status", equalTo("REJECTED"));
        given().auth().oauth2(r).get("/api/v1/cases/" + decided).then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("applications.size()", equalTo(1))
                .body("linkedCases[0].kind", equalTo("LATER_CASE")).body("linkedCases[0].caseId", equalTo(next));

        // the receipt SMS: the new tracking number, to the new phone
        String[] sms = receipt(next);
        assertEquals(later.get("trackingNumber"), sms[0]);
        assertEquals("13900001111", cipher.decrypt(sms[1],
                cn.scanforhelp.cases.casefile.CaseFile.at(cn.scanforhelp.cases.casefile.CaseFile.PHONE, java.util.UUID.fromString(next))));
    }

    private static String[] receipt(String caseId) {
        try (Connection c = DriverManager.getConnection(PostgresResource.jdbcUrl());
                PreparedStatement ps = c.prepareStatement("select payload->>'trackingNumber', payload->>'phone' from "
                        + "outbox_event where aggregate_id = ? and destination = 'notification-service' "
                        + "and event_type = 'RECEIVED'")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new String[] {rs.getString(1), rs.getString(2)};
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
