package cn.scanforhelp.cases.personal;

import static cn.scanforhelp.cases.CaseFixtures.action;
import static cn.scanforhelp.cases.CaseFixtures.count;
import static cn.scanforhelp.cases.CaseFixtures.open;
import static cn.scanforhelp.cases.CaseFixtures.sql;
import static cn.scanforhelp.cases.CaseFixtures.step;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.scanforhelp.infra.retention.Retention;
import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A case that ended without aid keeps its personal data only for the archive period: then name, ID number, phone,
 * description, household and staff's notes on its steps go; the case, its steps and its statistics stay. Approved cases and younger ones are
 * kept whole.
 */
@QuarkusTest
class CaseRetentionTest {

    @Inject
    Retention retention;

    private static final String OLD = "update case_file set decided_at = decided_at - interval '6 years' where id = ?";

    private static long personal(String caseId) {
        return count("select count(*) from case_file where id = ? and (id_number_enc is not null or phone_enc is not null"
                + " or applicant_name_enc is not null or applicant_name is not null or description_enc is not null)",
                UUID.fromString(caseId));
    }

    private static long household(String caseId) {
        return count("select count(*) from household_member where case_id = ?", UUID.fromString(caseId));
    }

    @Test
    void aRefusedCasePastTheArchivePeriodLosesItsPersonalDataAndKeepsItsRecord() {
        String liqiao = Tokens.liqiao();
        String expired = open("620503114");
        String young = open("620503114");
        for (String c : new String[] {expired, young}) {
            step(c, liqiao, action("NOT_ACCEPT", "reason", "非本辖区", "note", "申请人自述患有心脏病"));
            sql("insert into household_member (case_id, relation, name) values (?, 'SPOUSE', '')", UUID.fromString(c));
        }
        sql(OLD, UUID.fromString(expired));

        retention.runAll();

        assertEquals(0, personal(expired));
        assertEquals(0, household(expired));
        assertEquals(1, personal(young));
        assertEquals(1, household(young));
        assertEquals(1, count("select count(*) from case_step where case_id = ? and action = 'NOT_ACCEPT'",
                UUID.fromString(expired)));
        // what staff typed about the person (notes, the reason) goes with the rest; who did what, when, stays
        assertEquals(0, count("select count(*) from case_step where case_id = ? and (note is not null or details is not null)",
                UUID.fromString(expired)));
        assertEquals(1, count("select count(*) from case_step where case_id = ? and action = 'NOT_ACCEPT'"
                + " and note = '申请人自述患有心脏病' and details like '%非本辖区%'", UUID.fromString(young)));
        // the district still opens the record: status and history, no personal values, no error
        given().auth().oauth2(Tokens.officer()).get("/api/v1/cases/" + expired).then().statusCode(200)
                .body("status", equalTo("NOT_ACCEPTED"));
    }

    @Test
    void anApprovedCaseIsKeptWhole() {
        String c = open("620503114");
        sql("update case_file set status = 'APPROVED', decided_at = now() where id = ?", UUID.fromString(c));
        sql(OLD, UUID.fromString(c));

        retention.runAll();

        assertEquals(1, personal(c));
    }
}
