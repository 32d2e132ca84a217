package cn.scanforhelp.intake.form;

import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.intake.application.ApplicationViews;
import cn.scanforhelp.intake.application.ClientAddress;
import cn.scanforhelp.intake.application.TrackingNumbers;
import cn.scanforhelp.intake.poster.PosterService;
import io.vertx.core.http.HttpServerRequest;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The resident's other pages: the township list, "submitted", and "where is my application". */
@Path("/")
@Tag(name = "Resident pages", description = "HTML pages for residents (no account, no JavaScript needed)")
@SecurityRequirementsSet({})
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class StatusResource {

    private final PosterService posters;
    private final FormService forms;
    private final FormApplications applications;
    private final Template home;
    private final Template done;
    private final Template status;

    public StatusResource(PosterService posters, FormService forms, FormApplications applications,
            @Location("form/home.html") Template home, @Location("form/done.html") Template done,
            @Location("form/status.html") Template status) {
        this.posters = posters;
        this.forms = forms;
        this.applications = applications;
        this.home = home;
        this.done = done;
        this.status = status;
    }

    @Schema(name = "StatusLookupFields", description = "The look-up form, as a browser posts it")
    public record LookupFields(
            @Schema(maxLength = 20, pattern = "^[0-9A-Za-z -]{6,20}$", example = "K7QM-4HXP-2RC") String trackingNumber,
            @Schema(maxLength = 4, pattern = "^[0-9]{4}$", example = "5678") String last4) {
    }

    @TemplateData
    public record DoneView(FormTexts t, String assets, String trackingNumber, String townshipName, List<String> hotlines) {
    }

    @TemplateData
    public record StatusView(FormTexts t, String assets, List<String> hotlines, String trackingNumber,
            Map<String, String> errors, boolean notFound, String statusText, String updatedAt, String deadline,
            String locked) {
        public String err(String field) {
            return errors.getOrDefault(field, "");
        }

        public List<Map.Entry<String, String>> errorList() {
            return List.copyOf(errors.entrySet());
        }
    }

    @GET
    @Operation(operationId = "home", summary = "The township list: choose where to apply without a poster")
    @APIResponse(responseCode = "200", description = "The list", content = @Content(mediaType = MediaType.TEXT_HTML,
            schema = @Schema(maxLength = 200_000)))
    public Response home(@Context HttpHeaders headers, @HeaderParam("Accept-Language") @Parameter(
            description = "English when preferred to Chinese", schema = @Schema(maxLength = 200)) String language) {
        FormTexts t = FormResource.texts(headers);
        return FormResource.page(home, forms.home(t), 200);
    }

    @GET
    @Path("a/{trackingNumber}")
    @Operation(operationId = "applicationSubmitted", summary = "The page after submitting: the tracking number and what happens next")
    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML,
            schema = @Schema(maxLength = 200_000)))
    public Response done(@PathParam("trackingNumber") @Parameter(schema = @Schema(maxLength = 20,
            pattern = "^[0-9A-Z-]{6,20}$")) String trackingNumber,
            @QueryParam("d") @Parameter(description = "the township or village", schema = @Schema(maxLength = 12,
                    pattern = "^[0-9]{9,12}$")) String division, @Context HttpHeaders headers) {
        FormTexts t = FormResource.texts(headers);
        if (TrackingNumbers.normalize(trackingNumber) == null) {
            return statusPage(emptyStatus(t, ""), 404);
        }
        var place = division == null || !division.matches("^[0-9]{9,12}$") ? null : posters.place(division).orElse(null);
        List<String> hotlines = place == null || place.hotlines().isEmpty() ? forms.home(t).hotlines() : place.hotlines();
        String township = place == null ? (t.isEnglish() ? "The township" : "镇（街道）") : place.township().name;
        DoneView view = new DoneView(t, forms.assets(), TrackingNumbers.display(TrackingNumbers.normalize(trackingNumber)),
                township, hotlines);
        return Response.ok(done.data("page", view).data("t", t).render(), FormResource.HTML)
                .header("Cache-Control", "no-store").header("Content-Language", t.get("lang")).build();
    }

    @GET
    @Path("s")
    @Operation(operationId = "statusForm", summary = "Where is my application: the look-up form")
    @APIResponse(responseCode = "200", description = "The form", content = @Content(mediaType = MediaType.TEXT_HTML,
            schema = @Schema(maxLength = 200_000)))
    public Response statusForm(@QueryParam("t") @Parameter(schema = @Schema(maxLength = 20)) String tracking,
            @Context HttpHeaders headers) {
        FormTexts t = FormResource.texts(headers);
        String prefill = tracking != null && tracking.matches("^[0-9A-Za-z-]{6,20}$") ? tracking.toUpperCase(Locale.ROOT) : "";
        return statusPage(emptyStatus(t, prefill), 200);
    }

    @POST
    @Path("s")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "statusLookup", summary = "Where is my application: tracking number and the phone's last 4 digits")
    @APIResponse(responseCode = "200", description = "The status, or a plain \"nothing found\"",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(maxLength = 200_000)))
    @APIResponse(responseCode = "400", description = "The form again, with every error",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(maxLength = 200_000)))
    @APIResponse(responseCode = "429", description = "Too many wrong answers for this tracking number today: the "
            + "page says from when to try again (Retry-After in seconds)",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "86400")),
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(maxLength = 200_000)))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(implementation = LookupFields.class)))
    public Response lookup(@FormParam("trackingNumber") String tracking, @FormParam("last4") String last4,
            @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        FormTexts t = FormResource.texts(headers);
        String typed = tracking == null ? "" : tracking.strip().toUpperCase(Locale.ROOT);
        String number = TrackingNumbers.normalize(typed);
        String digits = last4 == null ? "" : last4.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (number == null) {
            errors.put("trackingNumber", t.get("e_tracking"));
        }
        if (!digits.matches("^[0-9]{4}$")) {
            errors.put("last4", t.get("e_last4"));
        }
        List<String> hotlines = forms.home(t).hotlines();
        if (!errors.isEmpty()) {
            return statusPage(new StatusView(t, forms.assets(), hotlines, typed.length() > 20 ? "" : typed, errors, false,
                    null, null, null, null), 400);
        }
        String display = TrackingNumbers.display(number);
        Optional<ApplicationViews.LookupResult> found;
        try {
            found = applications.status(number, digits, t.locale(), ClientAddress.of(request));
        } catch (ProblemException e) {
            if (!"lookup-locked".equals(e.slug())) {
                throw e;
            }
            // too many wrong answers for this number today: say until when, and whom to call
            StatusView view = new StatusView(t, forms.assets(), hotlines, display, Map.of(), false, null, null, null,
                    t.fmt("status_locked", e.args()[0]));
            return Response.fromResponse(statusPage(view, 429)).header("Retry-After", e.headers().get("Retry-After"))
                    .build();
        }
        if (found.isEmpty()) {
            return statusPage(new StatusView(t, forms.assets(), hotlines, display, Map.of(), true, null, null, null,
                    null), 200);
        }
        var s = found.get();
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        String text = t.get("s_" + s.status()).startsWith("s_") ? s.statusText() : t.get("s_" + s.status());
        return statusPage(new StatusView(t, forms.assets(), s.hotlines().isEmpty() ? hotlines : s.hotlines(), display,
                Map.of(), false, text,
                s.lastUpdate() == null ? null : s.lastUpdate().atZoneSameInstant(PosterService.ZONE).format(f),
                s.nextDeadline() == null ? null : s.nextDeadline().toString(), null), 200);
    }

    private StatusView emptyStatus(FormTexts t, String prefill) {
        return new StatusView(t, forms.assets(), forms.home(t).hotlines(), prefill, Map.of(), false, null, null, null,
                null);
    }

    private Response statusPage(StatusView view, int code) {
        return Response.status(code).type(FormResource.HTML).header("Cache-Control", "no-store")
                .header("Content-Language", view.t().get("lang"))
                .entity(status.data("page", view).data("t", view.t()).render()).build();
    }
}
