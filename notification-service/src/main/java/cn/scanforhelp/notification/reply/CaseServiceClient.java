package cn.scanforhelp.notification.reply;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** case-service's internal API, called with this service's client-credentials token. */
@RegisterRestClient(configKey = "case-service")
@OidcClientFilter
@Path("/internal/v1/cases")
public interface CaseServiceClient {

    @POST
    @Path("/{caseId}/satisfaction")
    @Consumes(MediaType.APPLICATION_JSON)
    Response satisfaction(@PathParam("caseId") String caseId, String body);
}
