package cn.scanforhelp.cases.events;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** notification-service's event intake, with this service's client-credentials token. */
@RegisterRestClient(configKey = "notification-service")
@OidcClientFilter
@Path("/internal/v1/events")
public interface NotificationClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response send(String json);

    /** Up to 100 events as a JSON array; the answer has one result per event. */
    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response sendAll(String jsonArray);
}
