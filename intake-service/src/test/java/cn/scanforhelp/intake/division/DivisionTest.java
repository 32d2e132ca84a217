package cn.scanforhelp.intake.division;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DivisionTest {

    @Test
    void townshipsOfMaiji() {
        given().queryParam("parent", "620503").get("/api/v1/divisions").then().statusCode(200)
                .body("findAll { it.level == 'township' || it.level == 'subdistrict' }", hasSize(20))
                .body("name", hasItem("利桥镇"));
        given().get("/api/v1/divisions").then().statusCode(200).body("[0].code", equalTo("620503"));
        given().queryParam("parent", "abc").get("/api/v1/divisions").then().statusCode(400);
        given().queryParam("parent", "629999").get("/api/v1/divisions").then().statusCode(404);
    }

    @Test
    void adminSetsHotlinesWithIfMatchAndAddsVillages() {
        String etag = given().get("/api/v1/divisions/620503115").then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("{\"hotlines\":[\"0938-2731234\"]}")
                .put("/api/v1/divisions/620503115").then().statusCode(428);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"hotlines\":[\"0938-2731234\",\"not a number\"]}")
                .put("/api/v1/divisions/620503115").then().statusCode(400).body("errors[0].field", equalTo("hotlines[1]"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"hotlines\":[\"0938-2731234\"]}")
                .put("/api/v1/divisions/620503115").then().statusCode(200).body("hotlines[0]", equalTo("0938-2731234"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"hotlines\":[]}").put("/api/v1/divisions/620503115").then().statusCode(412);
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"hotlines\":[]}").put("/api/v1/divisions/620503115").then().statusCode(403);

        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"code\":\"620503115299\",\"name\":\"五龙村\"}").post("/api/v1/divisions").then().statusCode(201);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"code\":\"620503115299\",\"name\":\"五龙村\"}").post("/api/v1/divisions").then().statusCode(409);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"code\":\"620502001201\",\"name\":\"外区村\"}").post("/api/v1/divisions").then().statusCode(400)
                .body("errors[0].code", equalTo("division.outside-service-area"));
        given().queryParam("parent", "620503115").get("/api/v1/divisions").then().statusCode(200)
                .body("code", hasItem("620503115299"));
        // an application naming the village: the township is its parent, and the lookup shows its hotline
        cn.scanforhelp.intake.Fixtures.resident()
                .body(cn.scanforhelp.intake.Fixtures.application().replace("620503114", "620503115299"))
                .post("/api/v1/applications").then().statusCode(202);
    }
}
