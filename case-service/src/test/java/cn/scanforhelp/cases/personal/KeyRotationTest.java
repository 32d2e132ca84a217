package cn.scanforhelp.cases.personal;

import static cn.scanforhelp.cases.CaseFixtures.open;
import static cn.scanforhelp.cases.CaseFixtures.sql;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.crypto.Reencryption;
import cn.scanforhelp.infra.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** After a new key is made active, the job re-encrypts what the old key wrote; reads work throughout. */
@QuarkusTest
@TestProfile(KeyRotationTest.SecondKeyActive.class)
class KeyRotationTest {

    static final String K1 = "bG9jYWwtb25seS1kZXYta2V5LTMyLWJ5dGVzLSEhISE=";
    static final String K2 = "c2Vjb25kLXRlc3Qta2V5LTMyLWJ5dGVzLWxvbmchISE=";
    static final String HASH = "bG9jYWwtb25seS1oYXNoLWtleS0zMi1ieXRlcy0hISE=";

    public static class SecondKeyActive implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sfh.cipher.keys.k1", K1, "sfh.cipher.keys.k2", K2, "sfh.cipher.active-key", "k2",
                    "sfh.cipher.hash-key", HASH);
        }
    }

    @Inject
    Reencryption reencryption;

    /** The cipher as it was before the rotation: k1 only. */
    static FieldCipher before() {
        return new FieldCipher(new FieldCipher.Config() {
            @Override
            public Map<String, String> keys() {
                return Map.of("k1", K1);
            }

            @Override
            public String activeKey() {
                return "k1";
            }

            @Override
            public java.util.Optional<String> hashKey() {
                return java.util.Optional.of(HASH);
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
    void valuesWrittenWithTheOldKeyAreReencryptedWithTheNewOne() {
        String c = open("620503114");
        UUID id = UUID.fromString(c);
        FieldCipher old = before();
        sql("update case_file set applicant_name_enc = ?, phone_enc = ? where id = ?", old.encrypt("张小三"),
                old.encrypt("13812345678"), id);
        given().auth().oauth2(Tokens.liqiao()).get("/api/v1/cases/" + c).then().body("applicantName", equalTo("张*三"));
        reencryption.runAll(); // (the scheduled run may have been first: the rows tell)
        assertEquals(0, sqlCount("select count(*) from case_file where split_part(applicant_name_enc, ':', 1) <> 'k2'"
                + " or split_part(phone_enc, ':', 1) <> 'k2'"));
        given().auth().oauth2(Tokens.liqiao()).contentType("application/json").body("{\"reason\":\"核实身份\"}")
                .post("/api/v1/cases/" + c + "/reveal").then().statusCode(200)
                .body("name", equalTo("张小三")).body("phone", equalTo("13812345678"));
    }

    static long sqlCount(String q) {
        return cn.scanforhelp.cases.CaseFixtures.count(q);
    }
}
