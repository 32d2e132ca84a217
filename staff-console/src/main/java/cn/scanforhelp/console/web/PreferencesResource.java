package cn.scanforhelp.console.web;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The language switch and the large-text toggle: plain links that set a cookie and return to the page, so
 * they work without JavaScript.
 */
@Path("/preferences")
@Authenticated
public class PreferencesResource {

    @GET
    @Path("language")
    public Response language(@QueryParam("to") String to, @QueryParam("back") String back) {
        String value = "en".equals(to) ? "en" : "zh-CN";
        return back(back, cookie(Chrome.LANG_COOKIE, value));
    }

    @GET
    @Path("text")
    public Response text(@QueryParam("size") String size, @QueryParam("back") String back) {
        return back(back, cookie(Chrome.TEXT_COOKIE, "large".equals(size) ? "large" : "normal"));
    }

    private static NewCookie cookie(String name, String value) {
        return new NewCookie.Builder(name).value(value).path("/").maxAge(365 * 24 * 3600).httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).build();
    }

    /** Only a path of this site: never an open redirect. */
    static URI local(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")
                || back.contains("\r") || back.contains("\n")) {
            return URI.create("/");
        }
        try {
            return URI.create(back);
        } catch (IllegalArgumentException e) {
            return URI.create("/");
        }
    }

    private static Response back(String back, NewCookie cookie) {
        return Response.seeOther(local(back)).cookie(cookie).build();
    }
}
