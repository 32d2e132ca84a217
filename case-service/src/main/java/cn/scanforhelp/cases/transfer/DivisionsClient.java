package cn.scanforhelp.cases.transfer;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** intake-service's public divisions (统计用区划代码 with hotlines), which it keeps: the one source of them. */
@RegisterRestClient(configKey = "intake-service")
@Path("/api/v1/divisions")
public interface DivisionsClient {

    /** One division: {@code code, name, level, parentCode, hotlines, active}; 404 when unknown. */
    @GET
    @Path("{code}")
    @Produces(MediaType.APPLICATION_JSON)
    Response division(@PathParam("code") String code);
}
