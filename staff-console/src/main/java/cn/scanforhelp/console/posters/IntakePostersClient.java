package cn.scanforhelp.console.posters;

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
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * intake-service's poster API ({@code /api/v1/posters}), called with the signed-in user's access token: intake
 * checks the role and scopes every poster to the user's division (another division's poster is its 404). The
 * PDFs come back as a {@link Response} whose entity is read as a stream (the REST client does not buffer a
 * {@code Response} or an {@code InputStream} whole), so a batch of hundreds of pages passes through the console.
 */
@Path("/api/v1/posters")
@RegisterRestClient(configKey = "intake-service")
@RegisterProvider(ServiceProblem.Mapper.class)
@RegisterProvider(UserAccessToken.class)
@Produces(MediaType.APPLICATION_JSON)
public interface IntakePostersClient {

    @GET
    PosterApi.Page list(@HeaderParam("Accept-Language") String language, @QueryParam("divisionCode") String divisionCode,
            @QueryParam("active") Boolean active, @QueryParam("limit") int limit, @QueryParam("offset") int offset);

    @GET
    @Path("{code}")
    PosterApi.Item get(@HeaderParam("Accept-Language") String language, @PathParam("code") String code);

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    PosterApi.Item create(@HeaderParam("Accept-Language") String language, Map<String, Object> body);

    @POST
    @Path("{code}/withdraw")
    PosterApi.Item withdraw(@HeaderParam("Accept-Language") String language, @PathParam("code") String code);

    @GET
    @Path("{code}/poster.pdf")
    @Produces({"application/pdf", "application/problem+json"})
    Response pdf(@HeaderParam("Accept-Language") String language, @PathParam("code") String code);

    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({"application/pdf", "application/problem+json"})
    Response batch(@HeaderParam("Accept-Language") String language, Map<String, Object> body);
}
