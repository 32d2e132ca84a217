package cn.scanforhelp.intake.form;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.scanforhelp.intake.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * SMS pumping through the public form: after 3 valid submissions from one address in an hour, the
 * next needs the answer to a question shown in the page (no script needed); its signed token is good
 * for one answer only.
 */
@QuarkusTest
@TestProfile(ChallengeTest.Profile.class)
class ChallengeTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sfh.challenge.enabled", "true", "sfh.challenge.after", "3");
        }
    }

    private static final Pattern QUESTION = Pattern.compile("<label for=\"f-challengeAnswer\">(.)加(.)等于几？</label>");
    private static final Pattern TOKEN = Pattern.compile("name=\"challengeToken\" value=\"([^\"]+)\"");

    private static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    private static RequestSpecification from(String address) {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .header("X-Forwarded-For", address);
    }

    /** The answer to 七加五等于几？ as the page writes it. */
    static String answer(String html) {
        Matcher m = QUESTION.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no question in the page");
        }
        String digits = "零一二三四五六七八九";
        return Integer.toString(digits.indexOf(m.group(1)) + digits.indexOf(m.group(2)));
    }

    static String token(String html) {
        Matcher m = TOKEN.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no challenge token in the page");
        }
        return m.group(1);
    }

    @Test
    void theFourthPlainFormPostNeedsTheAnswerWhichWorksOnce() {
        String code = FormPageTest.poster("620503114");
        String address = address();
        for (int i = 0; i < 3; i++) {
            from(address).formParams(FormPageTest.valid()).post("/h/" + code).then().statusCode(303);
        }
        // the fourth: refused, the form comes back with the question in the page itself
        String page = from(address).formParams(FormPageTest.valid()).post("/h/" + code).then().statusCode(403)
                .contentType(containsString("text/html"))
                .body(containsString("请回答一个小问题"))
                .body(containsString("请先回答下面的小问题，再提交申请。"))
                .body(containsString("href=\"#f-challengeAnswer\""))
                .extract().asString();
        String token = token(page);
        String answer = answer(page);
        // a wrong answer: refused, a new question
        Map<String, String> wrong = FormPageTest.valid();
        wrong.put("challengeToken", token);
        wrong.put("challengeAnswer", Integer.toString(Integer.parseInt(answer) + 1));
        String again = from(address).formParams(wrong).post("/h/" + code).then().statusCode(403)
                .body(containsString("答案不对或已过期，请回答新的问题。")).extract().asString();
        // the first question is spent by the wrong answer: its right answer is refused now
        Map<String, String> late = FormPageTest.valid();
        late.put("challengeToken", token);
        late.put("challengeAnswer", answer);
        from(address).formParams(late).post("/h/" + code).then().statusCode(403)
                .body(containsString("答案不对或已过期，请回答新的问题。"));
        // the newer question's right answer passes
        Map<String, String> right = FormPageTest.valid();
        right.put("challengeToken", token(again));
        right.put("challengeAnswer", answer(again));
        from(address).formParams(right).post("/h/" + code).then().statusCode(303);
        // the same token and answer once more (a replay): refused
        Map<String, String> replay = FormPageTest.valid();
        replay.put("challengeToken", right.get("challengeToken"));
        replay.put("challengeAnswer", right.get("challengeAnswer"));
        from(address).formParams(replay).post("/h/" + code).then().statusCode(403)
                .body(containsString("答案不对或已过期，请回答新的问题。"));
        // another address is not asked
        from(address()).formParams(FormPageTest.valid()).post("/h/" + code).then().statusCode(303);
    }

    @Test
    void thePagesScriptIsToldToFallBackToThePlainPost() {
        String code = FormPageTest.poster("620503114");
        String address = address();
        for (int i = 0; i < 3; i++) {
            from(address).accept(ContentType.JSON).formParams(FormPageTest.valid()).post("/h/" + code).then()
                    .statusCode(200).body("trackingNumber", notNullValue());
        }
        from(address).accept(ContentType.JSON).formParams(FormPageTest.valid()).post("/h/" + code).then()
                .statusCode(403).body("challenge", containsString("等于几")).body("errors.challengeAnswer",
                        equalTo("请先回答下面的小问题，再提交申请。"));
    }

    @Test
    void theApiRefusesWithAChineseProblemAndTakesTheAnswerInHeadersOnce() {
        String address = address();
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", address).contentType(ContentType.JSON).body(Fixtures.application())
                    .post("/api/v1/applications").then().statusCode(202);
        }
        Response refused = given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Fixtures.application()).post("/api/v1/applications");
        refused.then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:scan-for-help:problem:challenge-required"))
                .body("detail", equalTo("这个网络地址最近提交了多份申请，请先回答问题再提交。"))
                .body("challenge.question", containsString("等于几？"))
                .body(not(containsString("\"answer\"")));
        String token = refused.path("challenge.token");
        String answer = answer("<label for=\"f-challengeAnswer\">" + refused.path("challenge.question") + "</label>");
        given().header("X-Forwarded-For", address).header("Challenge-Token", token).header("Challenge-Answer", answer)
                .contentType(ContentType.JSON).body(Fixtures.application()).post("/api/v1/applications").then()
                .statusCode(202);
        Response replay = given().header("X-Forwarded-For", address).header("Challenge-Token", token)
                .header("Challenge-Answer", answer).contentType(ContentType.JSON).body(Fixtures.application())
                .post("/api/v1/applications");
        replay.then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:scan-for-help:problem:challenge-failed"));
        assertEquals(403, replay.statusCode());
    }
}
