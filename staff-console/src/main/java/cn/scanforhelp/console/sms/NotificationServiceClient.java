package cn.scanforhelp.console.sms;

import cn.scanforhelp.console.cases.ServiceProblem;
import cn.scanforhelp.console.cases.UserAccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * notification-service's staff API, called with the signed-in user's access token (the realm's audience
 * mapper puts {@code notification-service} into the console's tokens): notification-service scopes the
 * answer to the user's division, masks the phone and audits the read.
 */
@Path("/api/v1/notifications")
@RegisterRestClient(configKey = "notification-service")
@RegisterProvider(ServiceProblem.Mapper.class)
@RegisterProvider(UserAccessToken.class)
@Produces(MediaType.APPLICATION_JSON)
public interface NotificationServiceClient {

    @GET
    Notifications list(@HeaderParam("Accept-Language") String language,
            @QueryParam("trackingNumber") String trackingNumber);

    /**
     * The SMS of an event as the resident will read it; nothing is stored or sent. The body is what case-service's
     * rehearsal of the step answers (its {@code sms}), so the dates and amounts are the step's own.
     */
    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_JSON)
    Rendered preview(@HeaderParam("Accept-Language") String language, Preview body);

    /** The SMS that went wrong in the user's division (district officer), newest first. */
    @GET
    @Path("problems")
    ProblemPage problems(@HeaderParam("Accept-Language") String language, @QueryParam("view") String view,
            @QueryParam("page") int page, @QueryParam("size") int size);

    /** Sends one once more (once only: a second time is notification-service's 409). */
    @POST
    @Path("{id}/resend")
    Resent resend(@HeaderParam("Accept-Language") String language, @PathParam("id") UUID id);

    /** Marks one handled with the officer's note. */
    @POST
    @Path("{id}/handled")
    @Consumes(MediaType.APPLICATION_JSON)
    HandledNote handled(@HeaderParam("Accept-Language") String language, @PathParam("id") UUID id, HandledNote body);

    record ProblemPage(List<Problem> items, int page, int size, long total) {
    }

    record Problem(UUID id, String caseId, String trackingNumber, String divisionCode, String eventType, String status,
            String receiptState, String receiptError, String lastError, OffsetDateTime createdAt,
            OffsetDateTime sentAt, UUID resentAs, String resendStatus, boolean resent, boolean handled,
            OffsetDateTime handledAt, String handledBy, String handledNote) {
    }

    record Resent(UUID id, String status) {
    }

    record HandledNote(String note) {
    }

    record Preview(String type, String trackingNumber, String townshipName, String hotline, LocalDate deadline,
            String reasonCategory, List<String> materials, String department, BigDecimal amountYuan,
            LocalDate noticeEndsOn, String payment, LocalDate materialsDueOn) {
    }

    record Rendered(String text, int parts) {
    }

    /** What the pages show of the answer (unknown properties are ignored; the phone, masked, is not shown). */
    record Notifications(String trackingNumber, List<Message> messages) {
    }

    record Message(UUID id, String eventType, String text, int parts, String status, int attempts, boolean urgent,
            OffsetDateTime createdAt, OffsetDateTime sentAt, String receiptState, OffsetDateTime receiptAt) {
    }
}
