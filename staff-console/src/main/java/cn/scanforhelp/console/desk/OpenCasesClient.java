package cn.scanforhelp.console.desk;

import cn.scanforhelp.console.cases.ServiceProblem;
import cn.scanforhelp.console.cases.UserAccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** case-service's duplicate check for the operator: township and status of an ID number's open cases, no more. */
@Path("/api/v1/open-cases/check")
@RegisterRestClient(configKey = "case-service")
@RegisterProvider(ServiceProblem.Mapper.class)
@RegisterProvider(UserAccessToken.class)
@Produces(MediaType.APPLICATION_JSON)
public interface OpenCasesClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    List<IntakeApi.OpenCase> check(@HeaderParam("Accept-Language") String language, Map<String, Object> idNumber);
}
