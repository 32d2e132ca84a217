package cn.scanforhelp.infra.problem;

import jakarta.ws.rs.core.HttpHeaders;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Titles and details of problems, in Chinese unless the caller asks for English. A service's own
 * bundle {@code problems*.properties} is searched first, then the shared {@code infra-problems}.
 * Keys: {@code <slug>.title}, {@code <slug>.detail}, {@code field.<code>} for invalid fields.
 */
public final class ProblemMessages {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final List<String> BUNDLES = List.of("problems", "infra-problems");

    private ProblemMessages() {
    }

    /** English only when the caller prefers English to Chinese; Chinese otherwise (the default). */
    public static Locale localeOf(HttpHeaders headers) {
        if (headers == null) {
            return Locale.CHINESE;
        }
        for (Locale l : headers.getAcceptableLanguages()) {
            String lang = l.getLanguage();
            if ("zh".equals(lang)) {
                return Locale.CHINESE;
            }
            if ("en".equals(lang)) {
                return Locale.ENGLISH;
            }
        }
        return Locale.CHINESE;
    }

    public static String text(Locale locale, String key, Object... args) {
        String pattern = lookup(locale, key);
        if (pattern == null) {
            pattern = lookup(Locale.CHINESE, key);
        }
        if (pattern == null) {
            return key;
        }
        return args == null || args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public static boolean has(String key) {
        return lookup(Locale.CHINESE, key) != null;
    }

    private static String lookup(Locale locale, String key) {
        Locale bundleLocale = Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT;
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        for (String name : BUNDLES) {
            try {
                ResourceBundle b = ResourceBundle.getBundle(name, bundleLocale, cl, NO_FALLBACK);
                if (b.containsKey(key)) {
                    return b.getString(key);
                }
            } catch (MissingResourceException ignored) {
                // a service without its own bundle
            }
        }
        return null;
    }
}
