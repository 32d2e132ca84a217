package cn.scanforhelp.infra.testing;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A bug, in every module's tests (the test-jar is a bean archive): it fails with an exception whose message and
 * cause quote the request (query string and body), as a SQL or JSON error would. See {@link FailureLogContract}.
 * Hidden from the OpenAPI document.
 */
@Path("/test-only/failure")
@PermitAll
public class FailingResource {

    @GET
    @Operation(hidden = true)
    public String fail(@Context UriInfo uri) {
        throw new IllegalStateException("cannot keep " + uri.getRequestUri(),
                new IllegalArgumentException("values " + uri.getQueryParameters()));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public String failWithBody(String body, @Context UriInfo uri) {
        throw new IllegalStateException("cannot store " + body + " from " + uri.getRequestUri(),
                new IllegalArgumentException("row (" + body + ") violates a constraint"));
    }
}
