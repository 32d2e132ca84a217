package cn.scanforhelp.infra.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The language of every answer, the error path's included: a total function of the header. */
class LocaleOfTest {

    @ParameterizedTest
    @ValueSource(strings = {"en;q=abc", "en;q=", ";;;", "@@@,,,;q=0.5", "en-US;q=2", "zh-CN;q=-1",
            "\u0000\u00ff", "en;q=0.5;q", "*;q=x, ", "en_US", "  ", ","})
    void malformedHeadersNeverThrow(String header) {
        Locale l = ProblemMessages.localeOf(header);
        assertEquals(true, l.equals(Locale.CHINESE) || l.equals(Locale.ENGLISH));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|en", "en-GB|en", "zh-CN,en;q=0.8|zh", "en;q=0.5,zh;q=0.4|en", "fr,en;q=0.3|en",
        "de|zh", "en;q=abc|zh", "en;q=abc,en-US;q=0.2|en", "'xx;;,en'|en", "'@@, en'|en"})
    void theReadableRangesStillCount(String header, String expected) {
        assertEquals(expected, ProblemMessages.localeOf(header).getLanguage());
    }

    @org.junit.jupiter.api.Test
    void anAbsurdlyLongHeaderIsTheDefault() {
        assertEquals(Locale.CHINESE, ProblemMessages.localeOf("en," + "x-".repeat(5000)));
    }
}
