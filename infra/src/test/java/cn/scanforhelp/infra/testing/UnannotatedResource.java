package cn.scanforhelp.infra.testing;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * An endpoint someone forgot to annotate, in every module's tests (the test-jar is a bean archive): with
 * {@code quarkus.security.jaxrs.deny-unannotated-endpoints=true} nobody reaches it, signed in or not.
 * Hidden from the OpenAPI document, which documents only the real API.
 */
@Path("/test-only/unannotated")
public class UnannotatedResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public String open() {
        return "reached without a security annotation";
    }
}
