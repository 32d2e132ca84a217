package cn.scanforhelp.cases.audit;

import static cn.scanforhelp.cases.CaseFixtures.action;
import static cn.scanforhelp.cases.CaseFixtures.count;
import static cn.scanforhelp.cases.CaseFixtures.open;
import static cn.scanforhelp.cases.CaseFixtures.sql;
import static cn.scanforhelp.cases.CaseFixtures.step;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditLogTest {

    @Test
    void everyReadAndActionIsAuditedAndDistrictOfficersCanReadIt() {
        String c = open("620503114");
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + c).then().statusCode(200);
        step(c, Tokens.liqiao(), action("ACCEPT"));
        given().auth().oauth2(Tokens.officer()).queryParam("caseId", c).get("/api/v1/audit").then().statusCode(200)
                .body("items.action", hasItems("RECEIVE", "READ", "ACTION"))
                .body("items.divisionCode", everyItem(startsWith("620503114")));
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/audit").then().statusCode(403);
    }

    @Test
    void theAuditLogCannotBeUpdatedOrDeleted() {
        String c = open("620503114");
        UUID id = UUID.fromString(c);
        assertTrue(count("select count(*) from audit_log where case_id = ?", id) > 0);
        IllegalStateException update = assertThrows(IllegalStateException.class,
                () -> sql("update audit_log set actor = 'someone-else' where case_id = ?", id));
        assertTrue(update.getMessage().contains("append-only"), update.getMessage());
        assertThrows(IllegalStateException.class, () -> sql("delete from audit_log where case_id = ?", id));
        assertThrows(IllegalStateException.class, () -> sql("truncate audit_log"));
        assertTrue(count("select count(*) from audit_log where case_id = ? and actor = 'someone-else'", id) == 0);
    }
}
