package cn.scanforhelp.cases.procedure;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** GET /api/v1/procedure publishes exactly the table: one rule per row, same fields, clocks and roles. */
@QuarkusTest
class ProcedureResourceTest {

    @Test
    void everyRowOfTheTableIsPublishedWithItsFieldsClocksAndRoles() {
        JsonPath doc = given().auth().oauth2(Tokens.liqiao()).get("/api/v1/procedure").then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("max-age")).extract().jsonPath();
        List<Map<String, Object>> actions = doc.getList("actions");
        assertEquals(Action.values().length, actions.size());
        Set<String> published = new HashSet<>();
        for (Map<String, Object> a : actions) {
            for (Map<String, Object> r : rules(a)) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> fields = (List<Map<String, Object>>) r.get("fields");
                @SuppressWarnings("unchecked")
                List<Map<String, String>> clocks = (List<Map<String, String>>) r.get("clocks");
                published.add(a.get("name") + "|" + r.get("from") + "|" + r.get("to") + "|" + r.get("caseTypes") + "|"
                        + r.get("roles") + "|" + r.get("guards") + "|"
                        + fields.stream().filter(f -> (Boolean) f.get("required")).map(f -> f.get("name")).toList() + "|"
                        + clocks.stream().map(c -> c.get("effect") + " " + c.get("clock")).toList() + "|"
                        + r.get("residentEvent"));
            }
        }
        Set<String> expected = new HashSet<>();
        for (Procedure.Transition t : Procedure.rows()) {
            expected.add(t.action() + "|" + t.from() + "|" + t.target() + "|"
                    + t.types().stream().map(Enum::name).sorted().toList() + "|" + t.roles().stream().sorted().toList()
                    + "|" + t.guards().stream().map(Enum::name).toList() + "|"
                    + java.util.Arrays.stream(Field.values()).filter(t.fields()::contains).map(f -> f.json).toList()
                    + "|" + t.clock().stream().map(Object::toString).toList() + "|"
                    + (t.event() == null ? null : t.event().name()));
        }
        assertEquals(expected, published);
        assertEquals(Procedure.rows().size(), published.size());
    }

    @Test
    void labelsAreInChineseAndEnglishAndFieldsCarryTheirLimits() {
        JsonPath doc = given().auth().oauth2(Tokens.liqiao()).get("/api/v1/procedure").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("受理", doc.getString("actions.find { it.name == 'ACCEPT' }.label.zh"));
        assertEquals("Accept", doc.getString("actions.find { it.name == 'ACCEPT' }.label.en"));
        assertEquals("已接收", doc.getString("states.RECEIVED.zh"));
        assertEquals("临时救助", doc.getString("types.TEMPORARY.zh"));
        assertEquals("收到申请", doc.getString("steps.RECEIVE.zh"));
        assertEquals("Escalated to the district (overdue)", doc.getString("steps.ESCALATE.en"));
        Map<String, Object> materials = doc.getMap(
                "actions.find { it.name == 'REQUEST_MATERIALS' }.rules[0].fields.find { it.name == 'materials' }");
        assertEquals("list", materials.get("type"));
        assertEquals(30, materials.get("maxItems"));
        assertEquals(200, materials.get("maxLength"));
        Map<String, Object> amount = doc.getMap("actions.find { it.name == 'APPROVE' }.rules"
                + ".find { it.from == 'REVIEW' }.fields.find { it.name == 'amount' }");
        assertEquals("decimal", amount.get("type"));
        assertEquals("0.01", amount.get("min"));
        List<String> departments = doc.getList("actions.find { it.name == 'REFER' }.rules[0]"
                + ".fields.find { it.name == 'department' }.options.value");
        assertTrue(departments.contains("医疗保障局"), departments.toString());
        List<String> types = doc.getList("actions.find { it.name == 'CLASSIFY' }.rules[0]"
                + ".fields.find { it.name == 'type' }.options.value");
        assertTrue(types.contains("TEMPORARY") && !types.contains("UNCLASSIFIED"), types.toString());
        // the optional note is on every rule
        assertTrue(doc.getList("actions.rules.flatten().fields.flatten().findAll { it.name == 'note' }").size()
                == Procedure.rows().size());
    }

    @Test
    void onlyStaffMayReadIt() {
        given().get("/api/v1/procedure").then().statusCode(401);
        given().auth().oauth2(Tokens.caseService()).get("/api/v1/procedure").then().statusCode(403);
        given().auth().oauth2(Tokens.officer()).get("/api/v1/procedure").then().statusCode(200);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules(Map<String, Object> a) {
        return (List<Map<String, Object>>) a.get("rules");
    }
}
