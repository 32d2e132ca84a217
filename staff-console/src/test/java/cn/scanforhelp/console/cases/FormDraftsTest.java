package cn.scanforhelp.console.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Cookie;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kept form: sealed, bound to its form's path, short-lived, split over cookies when long. */
class FormDraftsTest {

    static final String SECRET = "a-test-secret-of-at-least-thirty-two-characters";
    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    static final String PATH = "/cases/6f1c2b9e-1d2a-4c1e-9a55-0d6f5b8a1c01/actions/REJECT";

    static FormDrafts at(Instant t) {
        return new FormDrafts(SECRET, false, Clock.fixed(t, ZoneOffset.UTC));
    }

    /** What a browser sends back: each cookie's name and value. */
    static Map<String, Cookie> jar(List<String> set) {
        Map<String, Cookie> m = new HashMap<>();
        set.forEach(h -> {
            java.net.HttpCookie c = java.net.HttpCookie.parse("Set-Cookie: " + h).get(0);
            m.put(c.getName(), new Cookie.Builder(c.getName()).value(c.getValue()).build());
        });
        return m;
    }

    static java.net.HttpCookie parsed(String header) {
        return java.net.HttpCookie.parse("Set-Cookie: " + header).get(0);
    }

    @Test
    void aDraftComesBackOnlyForItsFormWithinFifteenMinutes() {
        List<String> set = at(NOW).stash(PATH, Map.of("reason", "家庭收入高于标准", "version", "3"));
        java.net.HttpCookie first = parsed(set.get(0));
        assertTrue(first.isHttpOnly() && PATH.equals(first.getPath()) && first.getMaxAge() == 900
                && set.get(0).contains("SameSite=Lax") && !set.get(0).contains("Version"), set.get(0));
        assertFalse(first.getValue().contains("家庭") || first.getValue().contains("reason"), "sealed");
        assertEquals(Map.of("reason", "家庭收入高于标准", "version", "3"),
                at(NOW.plusSeconds(899)).find(PATH, jar(set)).orElseThrow());
        assertTrue(at(NOW.plusSeconds(901)).find(PATH, jar(set)).isEmpty(), "expired");
        assertTrue(at(NOW).find(PATH.replace("REJECT", "APPROVE"), jar(set)).isEmpty(), "another form's");
        assertTrue(new FormDrafts(SECRET + "x", false, Clock.fixed(NOW, ZoneOffset.UTC)).find(PATH, jar(set)).isEmpty(),
                "another secret");
        Map<String, Cookie> tampered = jar(set);
        String v = first.getValue();
        tampered.put(first.getName(), new Cookie.Builder(first.getName())
                .value(v.substring(0, 20) + (v.charAt(20) == 'A' ? 'B' : 'A') + v.substring(21)).build());
        assertTrue(at(NOW).find(PATH, tampered).isEmpty(), "tampered");
    }

    @Test
    void aLongDraftIsSplitOverSeveralCookiesAndTheLongestIsNotKept() {
        java.util.Random r = new java.util.Random(7);
        String text = random(r);
        List<String> set = at(NOW).stash(PATH, Map.of("reason", text));
        assertTrue(set.size() > 1 && set.size() <= FormDrafts.MAX_CHUNKS, set.size() + " cookies");
        assertTrue(set.stream().allMatch(c -> parsed(c).getValue().length() <= FormDrafts.CHUNK));
        assertEquals(text, at(NOW).find(PATH, jar(set)).orElseThrow().get("reason"));
        assertEquals(set.size(), at(NOW).clear(PATH, jar(set)).size());
        assertTrue(at(NOW).clear(PATH, jar(set)).stream().allMatch(c -> parsed(c).getMaxAge() == 0));

        assertTrue(at(NOW).stash(PATH, Map.of("reason", random(r), "note", random(r), "outcome", random(r),
                "materials", random(r), "department", random(r), "type", random(r))).isEmpty(),
                "too long for cookies: not kept");
    }

    /** 2,000 characters hardly compressible: the worst case of a reason field. */
    static String random(java.util.Random r) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            text.append((char) (0x4e00 + r.nextInt(3000)));
        }
        return text.toString();
    }
}
