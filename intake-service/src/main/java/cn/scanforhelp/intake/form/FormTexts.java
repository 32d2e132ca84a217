package cn.scanforhelp.intake.form;

import io.quarkus.qute.TemplateData;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/** The resident pages' texts ({@code form/messages*.properties}): Chinese unless the browser asks for English. */
@TemplateData
public final class FormTexts {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Map<Locale, FormTexts> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private final Locale locale;
    private final Map<String, String> texts = new HashMap<>();

    private FormTexts(Locale locale) {
        this.locale = locale;
        ResourceBundle zh = ResourceBundle.getBundle("form.messages", Locale.ROOT, FormTexts.class.getClassLoader(), NO_FALLBACK);
        zh.keySet().forEach(k -> texts.put(k, zh.getString(k)));
        if (isEnglish()) {
            ResourceBundle en = ResourceBundle.getBundle("form.messages", Locale.ENGLISH, FormTexts.class.getClassLoader(),
                    NO_FALLBACK);
            en.keySet().forEach(k -> texts.put(k, en.getString(k)));
        }
    }

    public static FormTexts of(Locale locale) {
        Locale l = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.CHINESE;
        return CACHE.computeIfAbsent(l, FormTexts::new);
    }

    public Locale locale() {
        return locale;
    }

    public boolean isEnglish() {
        return "en".equals(locale.getLanguage());
    }

    /** {@code {t.get('key')}} in templates. */
    public String get(String key) {
        return texts.getOrDefault(key, key);
    }

    /** {@code {t.fmt('key', arg)}}. */
    public String fmt(String key, Object arg) {
        return new MessageFormat(get(key), locale).format(new Object[] {arg});
    }

    public String fmt2(String key, Object a, Object b) {
        return new MessageFormat(get(key), locale).format(new Object[] {a, b});
    }

    /** A field's label inside a sentence ("Enter your full name"). */
    public String label(String key) {
        String s = get(key);
        return isEnglish() && s.length() > 1 ? Character.toLowerCase(s.charAt(0)) + s.substring(1) : s;
    }
}
