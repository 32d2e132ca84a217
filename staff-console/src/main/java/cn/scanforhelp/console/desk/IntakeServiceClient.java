package cn.scanforhelp.console.desk;

import cn.scanforhelp.console.cases.ServiceProblem;
import cn.scanforhelp.console.cases.UserAccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** intake-service's hotline API, with the signed-in operator's access token (intake scopes and checks it). */
@Path("/api/v1")
@RegisterRestClient(configKey = "intake-service")
@RegisterProvider(ServiceProblem.Mapper.class)
@RegisterProvider(UserAccessToken.class)
@Produces(MediaType.APPLICATION_JSON)
public interface IntakeServiceClient {

    @GET
    @Path("hotline/calls")
    IntakeApi.History history(@HeaderParam("Accept-Language") String language, @QueryParam("phone") String phone);

    @POST
    @Path("hotline/calls")
    @Consumes(MediaType.APPLICATION_JSON)
    IntakeApi.Recorded record(@HeaderParam("Accept-Language") String language,
            @HeaderParam("Idempotency-Key") String idempotencyKey, Map<String, Object> call);

    @GET
    @Path("hotline/calls/today")
    List<IntakeApi.Call> today(@HeaderParam("Accept-Language") String language);

    @GET
    @Path("hotline/follow-ups")
    List<IntakeApi.Call> followUps(@HeaderParam("Accept-Language") String language);

    @POST
    @Path("hotline/calls/{id}/follow-up/close")
    @Consumes(MediaType.APPLICATION_JSON)
    IntakeApi.Call close(@HeaderParam("Accept-Language") String language, @PathParam("id") UUID id,
            Map<String, Object> body);

    @GET
    @Path("hotline/draft")
    Response draft();

    @PUT
    @Path("hotline/draft")
    @Consumes(MediaType.APPLICATION_JSON)
    void keepDraft(@HeaderParam("Accept-Language") String language, Map<String, Object> body);

    @DELETE
    @Path("hotline/draft")
    void dropDraft();

    @GET
    @Path("hotline/answers")
    List<IntakeApi.Answer> answers(@HeaderParam("Accept-Language") String language,
            @QueryParam("retired") boolean retired);

    @POST
    @Path("hotline/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    IntakeApi.Answer createAnswer(@HeaderParam("Accept-Language") String language, Map<String, Object> body);

    @PUT
    @Path("hotline/answers/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    IntakeApi.Answer updateAnswer(@HeaderParam("Accept-Language") String language, @PathParam("id") UUID id,
            Map<String, Object> body);

    /** The public township directory (no personal data). */
    @GET
    @Path("divisions")
    List<IntakeApi.Division> divisions(@HeaderParam("Accept-Language") String language,
            @QueryParam("parent") String parent, @QueryParam("level") String level);
}
