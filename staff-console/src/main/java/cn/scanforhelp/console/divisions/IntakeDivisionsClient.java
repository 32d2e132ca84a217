package cn.scanforhelp.console.divisions;

import cn.scanforhelp.console.cases.ServiceProblem;
import cn.scanforhelp.console.cases.UserAccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * intake-service's divisions ({@code GET /api/v1/divisions?parent=…}), which own the townships' names. The list
 * is public; the user's token goes along anyway, as on every call the console makes for a user.
 */
@Path("/api/v1/divisions")
@RegisterRestClient(configKey = "intake-service")
@RegisterProvider(ServiceProblem.Mapper.class)
@RegisterProvider(UserAccessToken.class)
@Produces(MediaType.APPLICATION_JSON)
public interface IntakeDivisionsClient {

    @GET
    List<Division> children(@QueryParam("parent") String parent);

    /** What the console uses of intake's Division (unknown properties are ignored). */
    record Division(String code, String name, String level, String parentCode, boolean active) {
    }
}
