package cn.scanforhelp.cases.procedure;

import static cn.scanforhelp.cases.CaseFixtures.open;
import static cn.scanforhelp.cases.CaseFixtures.sql;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated from the procedure table: for every state and type, every action that is not a row is refused
 * with 409, naming the state and exactly the table's allowed actions. Bodies carry every field, so nothing
 * but the table can refuse them.
 */
@QuarkusTest
class IllegalActionsTest {

    /**
     * Every state, times one type for each distinct set of rows: types that appear in exactly the same rows
     * (DIBAO and TEKUN; the five referred types) behave identically, so one of each group is enough.
     */
    static Stream<Arguments> statesAndTypes() {
        Map<Set<Integer>, CaseType> groups = new java.util.LinkedHashMap<>();
        for (CaseType t : CaseType.values()) {
            Set<Integer> rows = new TreeSet<>();
            for (int i = 0; i < Procedure.rows().size(); i++) {
                if (Procedure.rows().get(i).types().contains(t)) {
                    rows.add(i);
                }
            }
            groups.putIfAbsent(rows, t);
        }
        List<Arguments> args = new ArrayList<>();
        for (CaseStatus s : CaseStatus.values()) {
            for (CaseType t : groups.values()) {
                args.add(Arguments.of(s, t));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("statesAndTypes")
    void everyActionOutsideTheTableIsRefused(CaseStatus state, CaseType type) {
        String c = open("620503114");
        sql("update case_file set status = ?, type = ? where id = ?", state.name(), type.name(), UUID.fromString(c));
        String token = Tokens.liqiao();
        String etag = given().auth().oauth2(token).get("/api/v1/cases/" + c).then().statusCode(200)
                .extract().header("ETag");
        Set<Action> legal = EnumSet.noneOf(Action.class);
        legal.addAll(Procedure.actions(state, type));
        // a fresh case: not extended, no aid yet, no notice running, no investigation recorded (nor investigators,
        // so four eyes holds): only NOTICE_ENDED and INVESTIGATION_RECORDED rows are closed
        Set<String> expectedAllowed = new TreeSet<>();
        Procedure.rows().stream().filter(r -> r.from() == state && r.types().contains(type))
                .filter(r -> !r.guards().contains(Guard.NOTICE_ENDED)
                        && !r.guards().contains(Guard.INVESTIGATION_RECORDED)).forEach(r -> expectedAllowed.add(r.action().name()));
        int refused = 0;
        for (Action a : Action.values()) {
            if (legal.contains(a)) {
                continue;
            }
            Response r = given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag)
                    .body(fullBody(a)).post("/api/v1/cases/" + c + "/actions");
            assertEquals(409, r.statusCode(), state + " " + type + " " + a + ": " + r.asString());
            assertEquals("application/problem+json", r.contentType().split(";")[0]);
            JsonPath body = r.jsonPath();
            assertEquals("urn:scan-for-help:problem:action-not-allowed", body.getString("type"));
            assertEquals(state.name(), body.getString("state"));
            assertEquals(a.name(), body.getString("action"));
            assertEquals(expectedAllowed, new TreeSet<>(body.getList("allowedActions", String.class)));
            assertTrue(body.getString("detail").contains(state.name()), body.getString("detail"));
            refused++;
        }
        assertEquals(Action.values().length - legal.size(), refused);
        // nothing changed: the ETag is the same
        assertEquals(etag, given().auth().oauth2(token).get("/api/v1/cases/" + c).then().extract().header("ETag"));
    }

    static Map<String, Object> fullBody(Action a) {
        Map<String, Object> m = new HashMap<>();
        m.put("action", a.name());
        m.put("type", "DIBAO");
        m.put("reason", "理由");
        m.put("materials", List.of("户口簿"));
        m.put("department", "医疗保障局");
        m.put("amount", 100);
        m.put("outcome", "已办结");
        return m;
    }
}
