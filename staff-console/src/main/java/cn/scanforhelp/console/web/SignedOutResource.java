package cn.scanforhelp.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Where the identity provider sends the browser back after sign-out (RP-initiated logout). Public. */
@Path("/signed-out")
@PermitAll
public class SignedOutResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signedOut(Chrome.Frame chrome);
    }

    private final Chrome chrome;

    public SignedOutResource(Chrome chrome) {
        this.chrome = chrome;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get() {
        return chrome.localize(Templates.signedOut(chrome.frame()));
    }
}
