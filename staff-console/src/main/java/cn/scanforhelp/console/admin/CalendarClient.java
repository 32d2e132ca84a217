package cn.scanforhelp.console.admin;

import cn.scanforhelp.console.cases.ServiceProblem;
import cn.scanforhelp.console.cases.UserAccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * case-service's working-day calendar, with the signed-in admin's token: a year's holidays and make-up working days,
 * and the upload of a year as CSV (case-service checks the file, stores it and counts the open cases' limits again).
 */
@Path("/api/v1/calendar")
@RegisterRestClient(configKey = "case-service")
@RegisterProvider(ServiceProblem.Mapper.class)
@RegisterProvider(UserAccessToken.class)
@Produces(MediaType.APPLICATION_JSON)
public interface CalendarClient {

    @GET
    @Path("{year}")
    Year get(@HeaderParam("Accept-Language") String language, @PathParam("year") int year);

    @POST
    @Path("{year}/import")
    @Consumes("text/csv")
    Year load(@HeaderParam("Accept-Language") String language, @PathParam("year") int year, byte[] csv);

    record Day(LocalDate date, String kind, String name) {
    }

    /** {@code deadlinesRecounted}: after a load, how many due dates of open cases and referrals moved. */
    record Year(int year, List<Day> days, Integer deadlinesRecounted) {
    }
}
