package cn.scanforhelp.intake.division;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.infra.testing.Tokens;
import cn.scanforhelp.intake.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.stat.EntityStatistics;
import org.junit.jupiter.api.Test;

/**
 * Every submission reads its township (and village) through Hibernate's second-level cache. A native
 * write that does not name its table makes Hibernate empty every cache region, and then each submission
 * read its township from the database again. Counted with Hibernate's statistics (on in tests only).
 */
@QuarkusTest
class DivisionCacheTest {

    private static final String LIQIAO = "620503114";

    @Inject
    EntityManagerFactory emf;

    @Inject
    DataSource ds;

    @Inject
    DivisionService divisions;

    private long divisionLoads() {
        EntityStatistics s = emf.unwrap(SessionFactory.class).getStatistics().getEntityStatistics(Division.class.getName());
        return s.getLoadCount();
    }

    /**
     * The outbox relay builds case-service payloads in the background and loads the divisions of
     * events other tests left behind; wait until it has them (its retries come at most 1 s apart).
     */
    private long quietDivisionLoads() throws InterruptedException {
        long last = divisionLoads();
        for (int i = 0; i < 20; i++) {
            Thread.sleep(1_200);
            long now = divisionLoads();
            if (now == last) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private void submit() {
        Fixtures.resident().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Fixtures.application()).post("/api/v1/applications").then().statusCode(202);
    }

    @Test
    void submissionsReadTheirTownshipFromTheCache() throws InterruptedException {
        submit(); // the township is in the cache from here on
        long before = quietDivisionLoads();
        for (int i = 0; i < 3; i++) {
            submit();
        }
        assertEquals(before, divisionLoads(), "no division read from the database by the next three submissions");
    }

    @Test
    void posterScansKeepTheDivisionsCached() {
        String code = given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
                .body("{\"divisionCode\":\"" + LIQIAO + "\",\"label\":\"缓存测试\"}").post("/api/v1/posters")
                .then().statusCode(201).extract().path("code");
        submit(); // the township is in the cache from here on
        assertTrue(emf.getCache().contains(Division.class, LIQIAO), "the township is cached after a submission");
        given().redirects().follow(false).get("/h/" + code).then().statusCode(200);
        // Asked of the cache itself, not of Hibernate's load count: the outbox relay loads other tests'
        // divisions in the background at its own pace, which made a count flaky on a loaded machine.
        assertTrue(emf.getCache().contains(Division.class, LIQIAO), "a scan does not evict the divisions");
    }

    /** A change another replica made (here: straight in the database) shows after the minute's refresh. */
    @Test
    void anotherReplicasChangeShowsAfterTheRefresh() throws Exception {
        String township = "620503113";
        given().get("/api/v1/divisions/" + township).then().statusCode(200);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("update division set name = name || '（改）' where code = '" + township + "'");
            try {
                divisions.refreshCache();
                given().get("/api/v1/divisions/" + township).then().statusCode(200).body("name", equalTo("琥珀镇（改）"));
            } finally {
                st.executeUpdate("update division set name = '琥珀镇' where code = '" + township + "'");
                divisions.refreshCache();
            }
        }
    }
}
