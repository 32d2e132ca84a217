package cn.scanforhelp.intake.casehandoff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonArray;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import cn.scanforhelp.infra.outbox.BatchAnswer;
import cn.scanforhelp.infra.outbox.OutboxDelivery;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * intake → case: the consumer side of {@code POST /internal/v1/applications} and of its batch form
 * {@code POST /internal/v1/applications/batch} (docs/contracts.md).
 * The payloads are {@link CaseApplicationPayload} records serialized as Quarkus does (ISO dates,
 * nulls included). The pact is written to target/pacts; the copy committed in case-service's
 * src/test/resources/pacts must equal it (run with -Dpact.update=true to refresh the copy).
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "case-service", pactVersion = PactSpecVersion.V3)
class CaseServiceConsumerPactTest {

    static {
        // Pact merges into an existing target/pacts file by default: stale interactions would survive
        System.setProperty("pact.writer.overwrite", "true");
    }

    static final Path COMMITTED = Path.of("../case-service/src/test/resources/pacts/intake-service-case-service.json");
    static final String UUID_RE = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    static final String OFFSET_TIME_RE = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?[+-]\\d{2}:\\d{2}$";
    static final ObjectMapper QUARKUS_LIKE = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static final CaseApplicationPayload QR = new CaseApplicationPayload(
            UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f"), UUID.fromString("0b7e8c3e-3c1d-4c5e-8f0a-2f9d6b1e7a20"),
            "K7QM4HXP2RC", "QR", "620503114", "利桥镇", null, null, List.of("0938-2731234"),
            new CaseApplicationPayload.Applicant("张小三", "62050319800101123X", "13812345678"),
            "ILLNESS", "丈夫住院，医药费负担重", 3, false, null, null, "MJ114-0007", "2026-11",
            OffsetDateTime.parse("2026-11-29T09:00:00+08:00"), null);
    static final CaseApplicationPayload ALERT = new CaseApplicationPayload(
            UUID.fromString("7a2d3e4f-5b6c-4d7e-8f90-a1b2c3d4e5f6"), UUID.fromString("1c8f4d2b-7e3a-4d4a-8b66-1f9a4d3b8c22"),
            "M8RN5JYQ3S4", "MONITORING", "620503116", "党川镇", null, null, List.of(),
            new CaseApplicationPayload.Applicant("王大明", "620503195001010013", null),
            "ILLNESS", null, null, false, "VERIFICATION",
            new CaseApplicationPayload.Alert("医疗保障局", "HIGH_MEDICAL_COST", LocalDate.parse("2026-11-01")),
            null, "none:public-duty", OffsetDateTime.parse("2026-11-29T09:30:00+08:00"), null);
    static final CaseApplicationPayload WINDOW = new CaseApplicationPayload(
            UUID.fromString("8b3e4f50-6c7d-4e8f-9a01-b2c3d4e5f607"), UUID.fromString("2d9a5e3c-8f4b-4e5b-9c77-2a0b5e4c9d33"),
            "N9SP6KXR4T5", "WINDOW", "620503114", "利桥镇", "620503114201", "花园村", List.of("0938-2731234"),
            new CaseApplicationPayload.Applicant("李小四", "620503197506151230", "13912345678"),
            "HOUSING", "房屋漏雨", 2, false, null, null, null, "2026-11",
            OffsetDateTime.parse("2026-11-29T10:00:00+08:00"),
            new CaseApplicationPayload.Counter("chuangkou", true, true, List.of("户口簿复印件", "房屋照片")));

    static PactDslJsonBody common(PactDslJsonBody b, CaseApplicationPayload p) {
        return b.uuid("eventId", p.eventId()).uuid("applicationId", p.applicationId())
                .stringMatcher("trackingNumber", "^[2-9A-HJKMNP-TV-Y]{11}$", p.trackingNumber())
                .stringMatcher("channel", "^(QR|HOTLINE|MONITORING|WINDOW)$", p.channel())
                .stringMatcher("divisionCode", "^[0-9]{9}$", p.divisionCode())
                .stringType("townshipName", p.townshipName());
    }

    /** The QR form's application, as a body or an item of a batch. */
    static PactDslJsonBody qr(PactDslJsonBody b) {
        return common(b, QR)
                .nullValue("villageCode").nullValue("villageName")
                .array("hotlines").stringType("0938-2731234").closeArray().asBody()
                .object("applicant").stringType("name", "张小三")
                .stringMatcher("idNumber", "^[0-9]{17}[0-9X]$", "62050319800101123X")
                .stringMatcher("phone", "^1[3-9][0-9]{9}$", "13812345678").closeObject().asBody()
                .stringMatcher("difficulty", "^(ILLNESS|DISABILITY|DISASTER|SCHOOLING|UNEMPLOYMENT|ELDERLY_ALONE|HOUSING|OTHER)$", "ILLNESS")
                .stringType("description", QR.description()).integerType("householdSize", 3).booleanType("urgent", false)
                .nullValue("caseType").nullValue("alert").stringType("posterCode", "MJ114-0007")
                .stringType("consentVersion", "2026-11")
                .stringMatcher("submittedAt", OFFSET_TIME_RE, "2026-11-29T09:00:00+08:00").nullValue("counter");
    }

    /** An application the clerk recorded at the township's walk-in window (一门受理), with what the counter saw. */
    static PactDslJsonBody window(PactDslJsonBody b) {
        return common(b, WINDOW)
                .stringMatcher("villageCode", "^[0-9]{12}$", "620503114201").stringType("villageName", "花园村")
                .array("hotlines").stringType("0938-2731234").closeArray().asBody()
                .object("applicant").stringType("name", "李小四")
                .stringMatcher("idNumber", "^[0-9]{17}[0-9X]$", "620503197506151230")
                .stringMatcher("phone", "^1[3-9][0-9]{9}$", "13912345678").closeObject().asBody()
                .stringType("difficulty", "HOUSING").stringType("description", "房屋漏雨").integerType("householdSize", 2)
                .booleanType("urgent", false).nullValue("caseType").nullValue("alert").nullValue("posterCode")
                .stringType("consentVersion", "2026-11")
                .stringMatcher("submittedAt", OFFSET_TIME_RE, "2026-11-29T10:00:00+08:00")
                .object("counter").stringType("recordedBy", "chuangkou").booleanType("inPerson", true)
                .booleanType("idSeen", true).array("materialsReceived").stringType("户口簿复印件").stringType("房屋照片")
                .closeArray().closeObject().asBody();
    }

    /** The monitoring alert's application, as a body or an item of a batch. */
    static PactDslJsonBody alert(PactDslJsonBody b) {
        return common(b, ALERT)
                .nullValue("villageCode").nullValue("villageName")
                .array("hotlines").closeArray().asBody()
                .object("applicant").stringType("name", "王大明")
                .stringMatcher("idNumber", "^[0-9]{17}[0-9X]$", "620503195001010013")
                .nullValue("phone").closeObject().asBody()
                .stringType("difficulty", "ILLNESS").nullValue("description").nullValue("householdSize")
                .booleanType("urgent", false).stringValue("caseType", "VERIFICATION")
                .object("alert").stringType("source", "医疗保障局").stringType("reason", "HIGH_MEDICAL_COST")
                .date("date", "yyyy-MM-dd", java.sql.Date.valueOf("2026-11-01")).closeObject().asBody()
                .nullValue("posterCode").stringType("consentVersion", "none:public-duty")
                .stringMatcher("submittedAt", OFFSET_TIME_RE, "2026-11-29T09:30:00+08:00").nullValue("counter");
    }

    @Pact(consumer = "intake-service")
    RequestResponsePact applications(PactDslWithProvider builder) {
        PactDslJsonBody qr = qr(new PactDslJsonBody());
        PactDslJsonBody alert = alert(new PactDslJsonBody());
        PactDslJsonBody window = window(new PactDslJsonBody());
        PactDslJsonArray batch = new PactDslJsonArray();
        qr(batch.object()).closeObject();
        alert(batch.object()).closeObject();
        PactDslJsonBody answer = new PactDslJsonBody().stringType("caseId", "3f2a9c1e-8b7d-4e6f-a5c4-2b1d0e9f8a7c")
                .nullValue("linkedToCaseId");
        // one result per application, in order: each accepted (200) with the single call's answer
        PactDslJsonBody results = new PactDslJsonBody().array("results")
                .object().numberValue("status", 200).nullValue("problem").object("body")
                .stringType("caseId", "3f2a9c1e-8b7d-4e6f-a5c4-2b1d0e9f8a7c").nullValue("linkedToCaseId").closeObject()
                .closeObject()
                .object().numberValue("status", 200).nullValue("problem").object("body")
                .stringType("caseId", "7c3b2a1d-9e8f-4a5b-8c6d-1e2f3a4b5c6d").nullValue("linkedToCaseId").closeObject()
                .closeObject()
                .closeArray().asBody();
        // state names as case-service's provider test defines them
        String notReceived = "application 0b7e8c3e-3c1d-4c5e-8f0a-2f9d6b1e7a20 has not been received";
        return builder
                .given(notReceived)
                .uponReceiving("an application from the QR form")
                .path("/internal/v1/applications").method("POST")
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .matchHeader("Authorization", "^Bearer [A-Za-z0-9._~+/=-]+$", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")
                .body(qr)
                .willRespondWith().status(200).matchHeader("Content-Type", "application/json.*", "application/json")
                .body(answer)
                .given("application 0b7e8c3e-3c1d-4c5e-8f0a-2f9d6b1e7a20 was already received")
                .uponReceiving("the same application delivered again (the relay retries)")
                .path("/internal/v1/applications").method("POST")
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .matchHeader("Authorization", "^Bearer [A-Za-z0-9._~+/=-]+$", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")
                .body(qr)
                .willRespondWith().status(200).matchHeader("Content-Type", "application/json.*", "application/json")
                .body(answer)
                .given(notReceived)
                .uponReceiving("a monitoring alert for home verification")
                .path("/internal/v1/applications").method("POST")
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .matchHeader("Authorization", "^Bearer [A-Za-z0-9._~+/=-]+$", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")
                .body(alert)
                .willRespondWith().status(200).matchHeader("Content-Type", "application/json.*", "application/json")
                .body(answer)
                .given(notReceived)
                .uponReceiving("an application recorded at the township's walk-in window")
                .path("/internal/v1/applications").method("POST")
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .matchHeader("Authorization", "^Bearer [A-Za-z0-9._~+/=-]+$", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")
                .body(window)
                .willRespondWith().status(200).matchHeader("Content-Type", "application/json.*", "application/json")
                .body(answer)
                .given(notReceived)
                .uponReceiving("a batch of applications (the relay under a surge)")
                .path("/internal/v1/applications/batch").method("POST")
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .matchHeader("Authorization", "^Bearer [A-Za-z0-9._~+/=-]+$", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")
                .body(batch)
                .willRespondWith().status(200).matchHeader("Content-Type", "application/json.*", "application/json")
                .body(results)
                .toPact();
    }

    @Test
    void intakeSendsApplicationsAsTheContractSays(MockServer server) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (CaseApplicationPayload p : List.of(QR, QR, ALERT, WINDOW)) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.getUrl() + "/internal/v1/applications"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")
                    .POST(HttpRequest.BodyPublishers.ofString(QUARKUS_LIKE.writeValueAsString(p))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
        }
        // the batch as CaseServiceDelivery sends it (the JSON array of the payloads) and reads the answer
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.getUrl() + "/internal/v1/applications/batch"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")
                .POST(HttpRequest.BodyPublishers.ofString(QUARKUS_LIKE.writeValueAsString(List.of(QR, ALERT)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        BatchAnswer answer = QUARKUS_LIKE.readValue(r.body(), BatchAnswer.class);
        assertEquals(2, answer.results().size());
        answer.results().forEach(result -> assertEquals(null, OutboxDelivery.failure(result.status(), "case-service")));
        assertCommittedCopyIsCurrent(applications(au.com.dius.pact.consumer.ConsumerPactBuilder
                .consumer("intake-service").hasPactWith("case-service")));
    }

    /** Interactions by description, keys sorted: the form Pact writes them in may differ in order only. */
    static String canonical(JsonNode interactions) throws Exception {
        ObjectMapper sorted = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        List<Object> list = new java.util.ArrayList<>();
        interactions.forEach(n -> list.add(sorted.convertValue(n, Object.class)));
        list.sort(java.util.Comparator.comparing(o -> String.valueOf(((Map<?, ?>) o).get("description"))));
        return sorted.writeValueAsString(list);
    }

    static String firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i + ": " + a.substring(Math.max(0, i - 40), Math.min(a.length(), i + 40)) + " ≠ "
                + b.substring(Math.max(0, i - 40), Math.min(b.length(), i + 40));
    }

    /** The committed pact must carry exactly these interactions (metadata such as versions may differ). */
    static void assertCommittedCopyIsCurrent(RequestResponsePact pact) throws Exception {
        JsonNode generated = QUARKUS_LIKE.valueToTree(pact.toMap(PactSpecVersion.V3));
        if (Boolean.getBoolean("pact.update") || !Files.exists(COMMITTED)) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, QUARKUS_LIKE.writerWithDefaultPrettyPrinter().writeValueAsString(
                    Map.of("consumer", generated.get("consumer"), "provider", generated.get("provider"),
                            "interactions", generated.get("interactions"), "metadata", generated.get("metadata"))));
        }
        JsonNode committed = QUARKUS_LIKE.readTree(COMMITTED.toFile());
        String want = canonical(generated.get("interactions"));
        String have = canonical(committed.get("interactions"));
        org.junit.jupiter.api.Assertions.assertTrue(want.equals(have),
                () -> "case-service/src/test/resources/pacts/intake-service-case-service.json is out of date "
                        + "(run this test with -Dpact.update=true and commit it); first difference at character "
                        + firstDifference(want, have));
    }
}
