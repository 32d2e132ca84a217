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

    /**
     * English only when the caller prefers English to Chinese; Chinese otherwise (the default).
     * Total: a malformed header (bad q-values, stray characters, an absurd length) never throws,
     * since this runs on the error path itself; malformed ranges are skipped, the rest count.
     */
    public static Locale localeOf(HttpHeaders headers) {
        if (headers == null) {
            return Locale.CHINESE;
        }
        String header;
        try {
            header = headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
        } catch (RuntimeException e) {
            return Locale.CHINESE;
        }
        return localeOf(header);
    }

    /** The same choice from the raw {@code Accept-Language} value (null: Chinese). */
    public static Locale localeOf(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > MAX_HEADER) {
            return Locale.CHINESE;
        }
        String best = null;
        double bestQ = 0;
        for (String range : acceptLanguage.split(",", 64)) {
            String[] parts = range.split(";", -1);
            String tag = parts[0].strip().toLowerCase(Locale.ROOT);
            String lang = tag.split("-", 2)[0];
            if (!"zh".equals(lang) && !"en".equals(lang)) {
                continue;
            }
            double q = quality(parts);
            if (q > bestQ) {
                best = lang;
                bestQ = q;
            }
        }
        return "en".equals(best) ? Locale.ENGLISH : Locale.CHINESE;
    }

    private static final int MAX_HEADER = 1000;

    /** The range's q (1 when absent); 0, so that it is ignored, when unreadable or out of range. */
    private static double quality(String[] parts) {
        double q = 1;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.startsWith("q=") || p.startsWith("Q=")) {
                try {
                    q = Double.parseDouble(p.substring(2).strip());
                } catch (NumberFormatException e) {
                    return 0;
                }
                if (!(q >= 0 && q <= 1)) {
                    return 0;
                }
            }
        }
        return q;
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
