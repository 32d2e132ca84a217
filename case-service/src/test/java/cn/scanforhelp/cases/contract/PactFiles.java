package cn.scanforhelp.cases.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import au.com.dius.pact.consumer.PactVerificationResult;
import au.com.dius.pact.core.model.DefaultPactWriter;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Consumer pacts are written to {@code target/pacts} and must equal the copy committed in the provider's
 * {@code src/test/resources/pacts}, so the two cannot drift. {@code -Dpact.update=true} refreshes the copy.
 */
final class PactFiles {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static {
        System.setProperty("pact_do_not_track", "true");
    }

    private PactFiles() {
    }

    static void assertOk(PactVerificationResult result) {
        assertTrue(result instanceof PactVerificationResult.Ok, String.valueOf(result));
    }

    static void writeAndCompare(RequestResponsePact pact, String providerModule) throws IOException {
        StringWriter out = new StringWriter();
        DefaultPactWriter.INSTANCE.writePact(pact, new PrintWriter(out), PactSpecVersion.V3);
        String name = pact.getConsumer().getName() + "-" + pact.getProvider().getName() + ".json";
        Path generated = Path.of("target", "pacts", name);
        Files.createDirectories(generated.getParent());
        Files.writeString(generated, out.toString(), StandardCharsets.UTF_8);
        Path committed = Path.of("..", providerModule, "src", "test", "resources", "pacts", name);
        if (Boolean.getBoolean("pact.update") || !Files.exists(committed)) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, out.toString(), StandardCharsets.UTF_8);
        }
        assertEquals(JSON.readTree(Files.readString(committed)), JSON.readTree(out.toString()),
                committed + " differs from the pact this consumer generates (" + generated
                        + "); run with -Dpact.update=true and commit it");
    }
}
