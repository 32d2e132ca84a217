package cn.scanforhelp.cases.events;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** intake-service's status update for the resident's look-up, with this service's client-credentials token. */
@RegisterRestClient(configKey = "intake-service")
@OidcClientFilter
@Path("/internal/v1/applications")
public interface IntakeClient {

    @POST
    @Path("{applicationId}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    Response status(@PathParam("applicationId") String applicationId, String json);

    /** Up to 100 status updates, each with its applicationId; the answer has one result per update. */
    @POST
    @Path("statuses")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response statuses(String jsonArray);
}
