package cn.scanforhelp.cases.personal;

import static cn.scanforhelp.cases.CaseFixtures.application;
import static cn.scanforhelp.cases.CaseFixtures.count;
import static cn.scanforhelp.cases.CaseFixtures.idNumber;
import static cn.scanforhelp.cases.CaseFixtures.post;
import static cn.scanforhelp.cases.CaseFixtures.sql;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.scanforhelp.cases.casefile.NameSearch;
import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.crypto.Reencryption;
import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * After the look-up hash key rotates (h1 added and active, h0 kept), a case hashed under h0 is still found
 * by duplicate detection and name search, new cases get h1 hashes, and the job re-hashes the old rows.
 */
@QuarkusTest
@TestProfile(HashKeyRotationTest.SecondHashKeyActive.class)
class HashKeyRotationTest {

    static final String H0 = "bG9jYWwtb25seS1oYXNoLWtleS0zMi1ieXRlcy0hISE=";
    static final String H1 = "c2Vjb25kLWhhc2gta2V5LTMyLWJ5dGVzLWxvbmchISE=";

    public static class SecondHashKeyActive implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sfh.cipher.hash-key", H0, "sfh.cipher.hash-keys.h1", H1, "sfh.cipher.active-hash-key", "h1");
        }
    }

    @Inject
    Reencryption reencryption;

    /** The hashes as they were before the rotation: h0 only. */
    static FieldCipher before() {
        return new FieldCipher(new FieldCipher.Config() {
            @Override
            public Map<String, String> keys() {
                return Map.of("k1", KeyRotationTest.K1);
            }

            @Override
            public String activeKey() {
                return "k1";
            }

            @Override
            public Optional<String> hashKey() {
                return Optional.of(H0);
            }

            @Override
            public Map<String, String> hashKeys() {
                return Map.of();
            }

            @Override
            public String activeHashKey() {
                return FieldCipher.ORIGINAL_HASH_KEY;
            }
        });
    }

    @Test
    void anOldHashStillMatchesNewRowsUseTheNewKeyAndTheJobRehashes() {
        String id = idNumber();
        Map<String, Object> first = application("620503114", id);
        first.put("applicant", Map.of("name", "司马旋转", "idNumber", id, "phone", "13812345678"));
        String caseId = post(first).then().statusCode(200).extract().path("caseId");
        UUID c = UUID.fromString(caseId);
        String newHash = hashOf(c);
        assertTrue(newHash.startsWith("h1:") && newHash.length() == 64, "new rows use the new key");

        // the case as it was hashed before the rotation
        FieldCipher old = before();
        sql("update case_file set id_number_hash = ?, applicant_name_hash = ? where id = ?", old.hash(id),
                old.hash(NameSearch.normalized("司马旋转")), c);
        assertEquals(FieldCipher.ORIGINAL_HASH_KEY, FieldCipher.hashKeyIdOf(hashOf(c)));

        // the same person applies again: the old hash still matches, the application is linked
        post(application("620503114", id)).then().statusCode(200).body("linkedToCaseId", equalTo(caseId));
        given().auth().oauth2(Tokens.liqiao()).queryParam("text", "司马旋转").get("/api/v1/cases").then().statusCode(200)
                .body("items.id", hasItem(caseId));

        reencryption.runAll(); // (the scheduled run may have been first: the row tells)
        assertEquals(newHash, hashOf(c), "re-hashed under h1, to the same hash a new row gets");
        assertEquals(0, count("select count(*) from case_file where id_number_enc is not null and id_number_hash is not null and id_number_hash not like 'h1:%'"));
        assertNotEquals(old.hash(id), hashOf(c));
        post(application("620503114", id)).then().statusCode(200).body("linkedToCaseId", equalTo(caseId));
    }

    static String hashOf(UUID caseId) {
        try (var conn = java.sql.DriverManager.getConnection(cn.scanforhelp.infra.testing.PostgresResource.jdbcUrl());
                var ps = conn.prepareStatement("select id_number_hash from case_file where id = ?")) {
            ps.setObject(1, caseId);
            var rs = ps.executeQuery();
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
