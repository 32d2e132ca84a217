package cn.scanforhelp.console.window;

import cn.scanforhelp.console.cases.ServiceProblem;
import cn.scanforhelp.console.cases.UserAccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * intake-service's walk-in window API (一门受理), called with the signed-in clerk's access token: intake checks
 * the role and the township, validates every field and keeps one application per Idempotency-Key.
 */
@Path("/api/v1")
@RegisterRestClient(configKey = "intake-service")
@RegisterProvider(ServiceProblem.Mapper.class)
@RegisterProvider(UserAccessToken.class)
@Produces(MediaType.APPLICATION_JSON)
public interface IntakeServiceClient {

    @POST
    @Path("window/applications")
    @Consumes(MediaType.APPLICATION_JSON)
    WindowApi.Recorded record(@HeaderParam("Accept-Language") String language,
            @HeaderParam("Idempotency-Key") String idempotencyKey, Map<String, Object> body);

    @GET
    @Path("window/applications/{trackingNumber}/receipt")
    WindowApi.Recorded receipt(@HeaderParam("Accept-Language") String language,
            @PathParam("trackingNumber") String trackingNumber);

    @GET
    @Path("divisions")
    List<WindowApi.Division> divisions(@QueryParam("parent") String parent);

    @GET
    @Path("divisions/{code}")
    WindowApi.Division division(@PathParam("code") String code);
}
