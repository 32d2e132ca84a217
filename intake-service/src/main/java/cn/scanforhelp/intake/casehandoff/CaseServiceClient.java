package cn.scanforhelp.intake.casehandoff;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** case-service's intake endpoints, called with this service's client-credentials token. */
@RegisterRestClient(configKey = "case-service")
@OidcClientFilter
@Path("/internal/v1/applications")
public interface CaseServiceClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response receive(CaseApplicationPayload payload);

    /**
     * Up to 100 applications in one call; answers one result per application ({@code BatchAnswer}).
     * The body is the JSON array, already serialized (the delivery sizes each call by its bytes).
     */
    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response receiveAll(String applications);
}
