package cn.scanforhelp.notification.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code log} provider sends nothing: production must not start on it by mistake. */
class ProviderPolicyTest {

    @Test
    void logIsRefusedUnderProdAlone() {
        Optional<String> refusal = ProviderPolicy.refusal("log", List.of("prod"));
        assertTrue(refusal.isPresent());
        assertTrue(refusal.get().contains("sms.provider (SMS_PROVIDER)"), refusal.get());
        assertTrue(refusal.get().contains("smpp"), refusal.get());
    }

    @Test
    void logIsAllowedLocallyInDevAndInTests() {
        assertEquals(Optional.empty(), ProviderPolicy.refusal("log", List.of("prod", "local")));
        assertEquals(Optional.empty(), ProviderPolicy.refusal("log", List.of("dev")));
        assertEquals(Optional.empty(), ProviderPolicy.refusal("log", List.of("test")));
    }

    @Test
    void smppIsAlwaysAllowed() {
        assertEquals(Optional.empty(), ProviderPolicy.refusal("smpp", List.of("prod")));
    }
}
