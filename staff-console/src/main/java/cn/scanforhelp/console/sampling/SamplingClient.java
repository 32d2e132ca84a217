package cn.scanforhelp.console.sampling;

import cn.scanforhelp.console.cases.ServiceProblem;
import cn.scanforhelp.console.cases.StatsApi;
import cn.scanforhelp.console.cases.UserAccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** case-service's sampling API with the signed-in officer's token (case-service scopes and checks every call). */
@Path("/api/v1")
@RegisterRestClient(configKey = "case-service")
@RegisterProvider(ServiceProblem.Mapper.class)
@RegisterProvider(UserAccessToken.class)
@Produces(MediaType.APPLICATION_JSON)
public interface SamplingClient {

    @GET
    @Path("samplings")
    List<SamplingApi.Summary> list(@HeaderParam("Accept-Language") String language);

    @POST
    @Path("samplings")
    @Consumes(MediaType.APPLICATION_JSON)
    SamplingApi.Details draw(@HeaderParam("Accept-Language") String language, SamplingApi.DrawRequest body);

    @GET
    @Path("samplings/{id}")
    SamplingApi.Details get(@HeaderParam("Accept-Language") String language, @PathParam("id") UUID id);

    @POST
    @Path("samplings/{id}/cases/{caseId}/check")
    @Consumes(MediaType.APPLICATION_JSON)
    SamplingApi.Details check(@HeaderParam("Accept-Language") String language, @PathParam("id") UUID id,
            @PathParam("caseId") UUID caseId, SamplingApi.CheckRequest body);

    @GET
    @Path("statistics/sampling")
    List<SamplingApi.StatsRow> statistics(@HeaderParam("Accept-Language") String language);

    /** The townships of the officer's scope that have cases: the draw form's choice. */
    @GET
    @Path("statistics/divisions")
    List<StatsApi.DivisionRow> townships(@HeaderParam("Accept-Language") String language);
}
