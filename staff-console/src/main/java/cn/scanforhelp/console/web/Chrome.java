package cn.scanforhelp.console.web;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import java.util.Locale;

/**
 * What every page shows around its content, for the current request: the language (a {@code lang} cookie
 * set by the switch, else the browser's Accept-Language, else Chinese), the large-text setting, the user.
 */
@RequestScoped
public class Chrome {

    public static final String LANG_COOKIE = "sfh-lang";
    public static final String TEXT_COOKIE = "sfh-text";

    private final HttpServerRequest request;
    private final SecurityIdentity identity;
    private Locale locale;

    public Chrome(CurrentVertxRequest current, SecurityIdentity identity) {
        this.request = current.getCurrent().request();
        this.identity = identity;
    }

    /**
     * The frame's data for the templates; {@code here} is this page's path, URL-encoded (the switches return to it);
     * {@code queue}, {@code window}, {@code officer} (the dashboard), {@code desk} (the hotline operator's) and
     * {@code admin} (the working calendar), {@code audit} (the audit search, for officers and auditors): the
     * navigation links the user's roles may follow; {@code posters}: the QR posters (the officer's, and a township
     * reviewer's own township's).
     */
    public record Frame(String lang, String user, boolean largeText, String here, boolean queue, boolean window,
            boolean officer, boolean desk, boolean posters, boolean admin, boolean audit) {
    }

    public Locale locale() {
        if (locale == null) {
            locale = resolve();
        }
        return locale;
    }

    /** The Accept-Language to send to the services, so their messages match the page. */
    public String language() {
        return english() ? "en" : "zh-CN";
    }

    public boolean english() {
        return "en".equals(locale().getLanguage());
    }

    public Msg msg() {
        return english() ? MessageBundles.get(Msg.class, Localized.Literal.of("en")) : MessageBundles.get(Msg.class);
    }

    public Frame frame() {
        Cookie text = request.getCookie(TEXT_COOKIE);
        String user = identity == null || identity.isAnonymous() ? null : identity.getPrincipal().getName();
        String here = java.net.URLEncoder.encode(request.uri(), java.nio.charset.StandardCharsets.UTF_8);
        boolean signedIn = user != null;
        boolean queue = !signedIn || identity.hasRole("township-reviewer") || identity.hasRole("district-officer");
        boolean window = signedIn && (identity.hasRole("window-clerk") || identity.hasRole("township-reviewer"));
        boolean officer = signedIn && identity.hasRole("district-officer");
        boolean desk = signedIn && identity.hasRole("hotline-operator");
        boolean posters = signedIn && (officer || identity.hasRole("township-reviewer"));
        boolean admin = signedIn && identity.hasRole("admin");
        boolean audit = signedIn && (identity.hasRole("district-officer") || identity.hasRole("auditor"));
        return new Frame(language(), user, text != null && "large".equals(text.getValue()), here, queue, window,
                officer, desk, posters, admin, audit);
    }

    /** This request's path, without the query. */
    public String here() {
        return request.path();
    }

    /** Renders in the page's language. */
    public TemplateInstance localize(TemplateInstance t) {
        return t.setLocale(english() ? Locale.ENGLISH : Locale.forLanguageTag("zh-CN"));
    }

    private Locale resolve() {
        Cookie c = request.getCookie(LANG_COOKIE);
        if (c != null) {
            return "en".equals(c.getValue()) ? Locale.ENGLISH : Locale.CHINESE;
        }
        String header = request.getHeader("Accept-Language");
        if (header != null) {
            try {
                for (Locale.LanguageRange r : Locale.LanguageRange.parse(header)) {
                    String lang = r.getRange().split("-")[0];
                    if ("zh".equals(lang)) {
                        return Locale.CHINESE;
                    }
                    if ("en".equals(lang)) {
                        return Locale.ENGLISH;
                    }
                }
            } catch (IllegalArgumentException ignored) {
                // a malformed header: the default
            }
        }
        return Locale.CHINESE;
    }
}
