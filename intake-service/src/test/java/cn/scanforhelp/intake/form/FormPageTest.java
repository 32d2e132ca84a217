package cn.scanforhelp.intake.form;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.infra.testing.Tokens;
import cn.scanforhelp.intake.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The resident's pages over plain HTTP, as a browser without JavaScript uses them. */
@QuarkusTest
class FormPageTest {

    static String poster(String division) {
        return given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
                .body("{\"divisionCode\":\"" + division + "\",\"label\":\"表单测试\"}").post("/api/v1/posters")
                .then().statusCode(201).extract().path("code");
    }

    static RequestSpecification browser() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .header("X-Forwarded-For", "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255));
    }

    static Map<String, String> valid() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", "张小三");
        f.put("idNumber", Fixtures.idNumber());
        f.put("phone", Fixtures.phone());
        f.put("difficulty", "ILLNESS");
        f.put("householdSize", "3");
        f.put("description", "丈夫住院，医药费负担重");
        f.put("consent", "on");
        f.put("sensitiveConsent", "on");
        f.put("idempotencyKey", UUID.randomUUID().toString());
        return f;
    }

    @Test
    void theFormIsChineseWithTheHotlineAndSecurityHeaders() {
        String code = poster("620503114");
        browser().get("/h/" + code).then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .header("Cache-Control", "no-store")
                .body(containsString("<html lang=\"zh-CN\">"))
                .body(containsString("向利桥镇申请救助"))
                .body(containsString("href=\"tel:"))
                .body(containsString("<label for=\"f-idNumber\">身份证号</label>"))
                .body(containsString("name=\"idempotencyKey\""))
                .body(not(containsString("<script>")));
        browser().header("Accept-Language", "en-US,en;q=0.9").get("/h/" + code).then().statusCode(200)
                .body(containsString("<html lang=\"en\">")).body(containsString("Ask 利桥镇 for help"));
    }

    @Test
    void aPlainFormPostCreatesAnApplicationAndShowsTheTrackingNumber() {
        String code = poster("620503114");
        Map<String, String> f = valid();
        String location = browser().formParams(f).post("/h/" + code).then().statusCode(303)
                .header("Location", matchesPattern(".*/a/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3}\\?d=620503114$"))
                .extract().header("Location");
        String path = location.substring(location.indexOf("/a/"));
        browser().get(path).then().statusCode(200).body(containsString("class=\"tracking\""))
                .body(containsString("3 个工作日")).body(containsString("截图"));
        // the same form again (a double tap, a reload): the same application
        String again = browser().formParams(f).post("/h/" + code).then().statusCode(303).extract().header("Location");
        assertEquals(location, again);
        // the poster's statistics count the application on its day
        given().auth().oauth2(Tokens.officer()).queryParam("posterCode", code).get("/api/v1/posters/stats")
                .then().statusCode(200).body("days[0].applications", equalTo(1));
    }

    @Test
    void errorsAreListedAtTheTopAndAtEachFieldInChinese() {
        String code = poster("620503114");
        Map<String, String> f = valid();
        String id = f.get("idNumber");
        f.put("idNumber", id.substring(0, 17) + (id.charAt(17) == '1' ? "2" : "1"));
        f.remove("consent");
        f.put("phone", "12345");
        String html = browser().formParams(f).post("/h/" + code).then().statusCode(400)
                .contentType(containsString("text/html")).extract().asString();
        assertTrue(html.contains("请修改以下问题后再提交"), html);
        assertTrue(html.contains("<a href=\"#f-idNumber\">身份证号有误，请对照身份证检查</a>"), html);
        assertTrue(html.contains("id=\"e-idNumber\"><span class=\"vh\">错误：</span><span class=\"msg\">身份证号有误"), html);
        assertTrue(html.contains("<a href=\"#f-phone\">"), html);
        assertTrue(html.contains("<a href=\"#f-consent\">"), html);
        assertTrue(html.contains("value=\"张小三\""), "what was typed stays in the form");
        // no application was created and the script's answer is the same list
        browser().header("Accept", "application/json").formParams(f).post("/h/" + code).then().statusCode(400)
                .body("errors.idNumber", equalTo("身份证号有误，请对照身份证检查"));
    }

    @Test
    void theScriptsSubmitAnswersJsonAndARetryWithTheSameKeyCreatesNothingNew() {
        String code = poster("620503116");
        Map<String, String> f = valid();
        String key = UUID.randomUUID().toString();
        String first = browser().header("Accept", "application/json").header("Idempotency-Key", key).formParams(f)
                .post("/h/" + code).then().statusCode(200).extract().path("trackingNumber");
        String second = browser().header("Accept", "application/json").header("Idempotency-Key", key).formParams(f)
                .post("/h/" + code).then().statusCode(200).body("next", containsString("/a/" + first))
                .extract().path("trackingNumber");
        assertEquals(first, second);
    }

    @Test
    void theStatusPageNeedsTheTrackingNumberAndTheLastFourDigits() {
        String code = poster("620503114");
        Map<String, String> f = valid();
        String location = browser().formParams(f).post("/h/" + code).then().statusCode(303).extract().header("Location");
        String tracking = location.replaceAll(".*/a/([^?]+).*", "$1");
        String phone = f.get("phone");
        browser().formParam("trackingNumber", tracking.toLowerCase()).formParam("last4", phone.substring(7))
                .post("/s").then().statusCode(200).body(containsString("id=\"status-text\""))
                .body(not(containsString(phone)));
        browser().formParam("trackingNumber", tracking).formParam("last4", "0000".equals(phone.substring(7)) ? "1111" : "0000")
                .post("/s").then().statusCode(200).body(containsString("id=\"not-found\""));
        browser().formParam("trackingNumber", "x").formParam("last4", "12").post("/s").then().statusCode(400)
                .body(containsString("请填写申请编号")).body(containsString("请填写 4 位数字"));
    }

    @Test
    void theTownshipListAndTheTownshipFormWorkWithoutAPoster() {
        browser().get("/").then().statusCode(200).body(containsString("href=\"/t/620503114\""));
        browser().get("/t/620503114").then().statusCode(200).body(containsString("action=\"/t/620503114\""));
        browser().get("/t/999").then().statusCode(404).body(containsString("tel:"));
        browser().formParams(valid()).post("/t/620503116").then().statusCode(303);
    }

    @Test
    void assetsAreCachedForAYearAndCompressed() {
        String html = browser().get("/t/620503114").asString();
        String css = html.replaceAll("(?s).*href=\"(/form/app\\.css\\?v=[0-9a-f]+)\".*", "$1");
        browser().header("Accept-Encoding", "gzip").get(css).then().statusCode(200)
                .header("Cache-Control", containsString("max-age=31536000"))
                .header("Content-Encoding", "gzip");
    }
}
