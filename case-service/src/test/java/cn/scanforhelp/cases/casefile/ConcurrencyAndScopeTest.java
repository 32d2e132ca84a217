package cn.scanforhelp.cases.casefile;

import static cn.scanforhelp.cases.CaseFixtures.action;
import static cn.scanforhelp.cases.CaseFixtures.application;
import static cn.scanforhelp.cases.CaseFixtures.idNumber;
import static cn.scanforhelp.cases.CaseFixtures.open;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.scanforhelp.infra.testing.TestClock;
import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConcurrencyAndScopeTest {

    @Test
    void twoReviewersAtOnceOneWinsTheOtherGets412() throws Exception {
        String c = open("620503114");
        String etag = given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + c).then().extract().header("ETag");
        List<Map<String, Object>> bodies = List.of(action("ACCEPT"), action("NOT_ACCEPT", "reason", "重复申请"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (Map<String, Object> body : bodies) {
            results.add(pool.submit(() -> {
                go.await();
                return given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON).header("If-Match", etag)
                        .body(body).post("/api/v1/cases/" + c + "/actions").then().extract().statusCode();
            }));
        }
        go.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : results) {
            codes.add(f.get());
        }
        pool.shutdown();
        Collections.sort(codes);
        assertEquals(List.of(200, 412), codes);
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + c).then()
                .body("history.size()", equalTo(2));
    }

    @Test
    void withoutIfMatch428AndWithAStaleOne412() {
        String c = open("620503114");
        given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON).body(action("ACCEPT"))
                .post("/api/v1/cases/" + c + "/actions").then().statusCode(428)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:scan-for-help:problem:precondition-required"));
        String etag = given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + c).then().extract().header("ETag");
        given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(action("CLASSIFY", "type", "DIBAO")).post("/api/v1/cases/" + c + "/actions").then()
                .statusCode(200).header("ETag", not(equalTo(etag)));
        given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(action("ACCEPT")).post("/api/v1/cases/" + c + "/actions").then().statusCode(412)
                .contentType("application/problem+json");
    }

    @Test
    void aReviewerOfAnotherTownshipCannotSeeActOnOrListTheCase() {
        Map<String, Object> app = application("620503116", idNumber());
        String c = open(app);
        String etag = given().auth().oauth2(Tokens.dangchuan()).get("/api/v1/cases/" + c).then().statusCode(200)
                .extract().header("ETag");
        String liqiao = Tokens.liqiao();
        String missing = given().auth().oauth2(liqiao).get("/api/v1/cases/" + java.util.UUID.randomUUID())
                .then().statusCode(404).extract().asString();
        String foreign = given().auth().oauth2(liqiao).get("/api/v1/cases/" + c).then().statusCode(404)
                .extract().asString();
        // exactly like a case that does not exist
        assertEquals(missing.replaceAll("\"instance\":\"[^\"]*\"", ""), foreign.replaceAll("\"instance\":\"[^\"]*\"", ""));
        given().auth().oauth2(liqiao).contentType(ContentType.JSON).header("If-Match", etag).body(action("ACCEPT"))
                .post("/api/v1/cases/" + c + "/actions").then().statusCode(404);
        given().auth().oauth2(liqiao).contentType(ContentType.JSON).body(Map.of("reason", "核实身份"))
                .post("/api/v1/cases/" + c + "/reveal").then().statusCode(404);
        given().auth().oauth2(liqiao).queryParam("text", app.get("trackingNumber")).get("/api/v1/cases").then()
                .statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(liqiao).queryParam("division", "620503116").queryParam("size", 100).get("/api/v1/cases")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(liqiao).queryParam("size", 100).get("/api/v1/cases").then().statusCode(200)
                .body("items.divisionCode", everyItem(startsWith("620503114")));
        // the district officer sees the whole county
        given().auth().oauth2(Tokens.officer()).queryParam("text", app.get("trackingNumber")).get("/api/v1/cases")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(c));
    }

    @Test
    void aTokenWithoutDivisionSeesNothing() {
        String t = Tokens.user("nobody").roles("township-reviewer").sign();
        given().auth().oauth2(t).get("/api/v1/cases").then().statusCode(403)
                .body("type", equalTo("urn:scan-for-help:problem:no-division"));
    }

    @Test
    void theQueueFiltersAndSortsByNearestDeadline() {
        Map<String, Object> app = application("620503114", idNumber());
        app.put("channel", "HOTLINE");
        app.put("submittedAt", TestClock.now().minusDays(30).toString()); // acceptance was due 3 working days later
        String c = open(app);
        given().auth().oauth2(Tokens.liqiao()).queryParam("text", ((String) app.get("trackingNumber")).toLowerCase())
                .get("/api/v1/cases").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].applicantName", equalTo("张*三"))
                .body("items[0].deadlineState", equalTo("OVERDUE"));
        given().auth().oauth2(Tokens.liqiao()).queryParam("channel", "HOTLINE").queryParam("status", "RECEIVED")
                .queryParam("type", "UNCLASSIFIED").queryParam("deadlineState", "OVERDUE").queryParam("size", 100)
                .get("/api/v1/cases").then().statusCode(200).body("items.id", hasItem(c));
        given().auth().oauth2(Tokens.liqiao()).queryParam("channel", "QR").queryParam("size", 100)
                .get("/api/v1/cases").then().statusCode(200).body("items.id", not(hasItem(c)));
        List<String> due = given().auth().oauth2(Tokens.officer()).queryParam("size", 100).get("/api/v1/cases")
                .then().statusCode(200).extract().path("items.nextDeadline");
        List<String> sorted = new ArrayList<>(due.stream().filter(java.util.Objects::nonNull).toList());
        Collections.sort(sorted);
        assertEquals(sorted, due.stream().filter(java.util.Objects::nonNull).toList());
        given().auth().oauth2(Tokens.liqiao()).queryParam("size", 1000).get("/api/v1/cases").then().statusCode(400);
    }

    @Test
    void revealShowsTheFullValuesAndIsAudited() {
        String id = idNumber();
        String c = open(application("620503114", id));
        given().auth().oauth2(Tokens.liqiao()).contentType(ContentType.JSON).body(Map.of("reason", "核实身份"))
                .post("/api/v1/cases/" + c + "/reveal").then().statusCode(200)
                .body("idNumber", equalTo(id)).body("phone", equalTo("13812345678")).body("name", equalTo("张小三"));
        given().auth().oauth2(Tokens.officer()).queryParam("caseId", c).get("/api/v1/audit").then().statusCode(200)
                .body("items.action", hasItem("REVEAL")).body("items.actor", hasItem("liqiao"));
    }
}
