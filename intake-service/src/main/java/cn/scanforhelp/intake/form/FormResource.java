package cn.scanforhelp.intake.form;

import cn.scanforhelp.infra.problem.ProblemMessages;
import cn.scanforhelp.intake.application.ClientAddress;
import cn.scanforhelp.intake.poster.PosterService;
import io.vertx.core.http.HttpServerRequest;
import cn.scanforhelp.intake.poster.PosterService.Place;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The resident's pages: the form behind a poster (GET counts the scan), the same form for a
 * township chosen from the list, the "submitted" page and the status look-up. Plain HTML forms
 * that work without JavaScript; the script only adds inline checks, a draft and safe retries.
 */
@Path("/")
@Tag(name = "Resident pages", description = "HTML pages for residents (no account, no JavaScript needed)")
@SecurityRequirementsSet({})
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class FormResource {

    static final String HTML = "text/html;charset=UTF-8";

    private final PosterService posters;
    private final FormService forms;
    private final Template form;
    private final Template unknown;

    public FormResource(PosterService posters, FormService forms, @Location("form/form.html") Template form,
            @Location("form/unknown.html") Template unknown) {
        this.posters = posters;
        this.forms = forms;
        this.form = form;
        this.unknown = unknown;
    }

    @GET
    @Path("h/{posterCode}")
    @Operation(operationId = "openPoster", summary = "The page a poster's QR code opens (counts the scan)",
            description = "The application form of the poster's township, village preset when the poster has one.")
    @APIResponse(responseCode = "200", description = "The form", content = @Content(mediaType = MediaType.TEXT_HTML,
            schema = @Schema(maxLength = 200_000)))
    @APIResponse(responseCode = "404", description = "Unknown poster: a friendly page with the hotline",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(maxLength = 200_000)))
    public Response open(@PathParam("posterCode") @Parameter(schema = @Schema(maxLength = 12)) String posterCode,
            @jakarta.ws.rs.core.Context HttpHeaders headers) {
        FormTexts t = texts(headers);
        return posters.scan(posterCode)
                .map(s -> page(form, forms.blank(t, s.place(), s.posterCode(), s.active()), 200))
                .orElseGet(() -> unknownPage(t));
    }

    @POST
    @Path("h/{posterCode}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    @Operation(operationId = "submitPosterForm", summary = "Submit the form (plain HTML form post)",
            description = "Answers 303 to the submitted page, or the form again with every error (400). With "
                    + "Accept: application/json (the page's script) it answers {trackingNumber, next} or {errors}. "
                    + "The same Idempotency-Key (header or form field) never creates a second application.")
    @APIResponse(responseCode = "303", description = "Submitted: see the page in Location")
    @APIResponse(responseCode = "400", description = "The form again, errors at the top and at each field",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(maxLength = 200_000)))
    @APIResponse(responseCode = "403", description = "The address sent sfh.challenge.after (3) applications this hour: "
            + "the form again with a question to answer (challengeToken, challengeAnswer)",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(maxLength = 200_000)))
    @APIResponse(responseCode = "404", description = "Unknown poster", content = @Content(mediaType = MediaType.TEXT_HTML,
            schema = @Schema(maxLength = 200_000)))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(implementation = FormFields.class)))
    public Response submit(@PathParam("posterCode") @Parameter(schema = @Schema(maxLength = 12)) String posterCode,
            MultivaluedMap<String, String> fields,
            @HeaderParam("Idempotency-Key") @Parameter(schema = @Schema(maxLength = 100)) String idempotencyKey,
            @jakarta.ws.rs.core.Context HttpHeaders headers, @jakarta.ws.rs.core.Context HttpServerRequest request) {
        FormTexts t = texts(headers);
        Optional<PosterService.ScanTarget> target = posters.target(posterCode);
        if (target.isEmpty()) {
            return unknownPage(t);
        }
        var s = target.get();
        return submitted(t, s.place(), s.posterCode(), s.active(), fields, idempotencyKey, headers, request);
    }

    @GET
    @Path("t/{townshipCode}")
    @Operation(operationId = "openTownshipForm", summary = "The form of a township chosen from the list (no poster)")
    @APIResponse(responseCode = "200", description = "The form", content = @Content(mediaType = MediaType.TEXT_HTML,
            schema = @Schema(maxLength = 200_000)))
    @APIResponse(responseCode = "404", description = "Unknown township", content = @Content(mediaType = MediaType.TEXT_HTML,
            schema = @Schema(maxLength = 200_000)))
    public Response township(@PathParam("townshipCode") @Parameter(schema = @Schema(maxLength = 12,
            pattern = "^[0-9]{9}$")) String townshipCode, @jakarta.ws.rs.core.Context HttpHeaders headers) {
        FormTexts t = texts(headers);
        return townshipPlace(townshipCode).map(p -> page(form, forms.blank(t, p, null, true), 200))
                .orElseGet(() -> unknownPage(t));
    }

    @POST
    @Path("t/{townshipCode}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    @Operation(operationId = "submitTownshipForm", summary = "Submit the form of a township (no poster)")
    @APIResponse(responseCode = "303", description = "Submitted: see the page in Location")
    @APIResponse(responseCode = "400", description = "The form again, with every error",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(maxLength = 200_000)))
    @APIResponse(responseCode = "403", description = "The form again with a question to answer",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(maxLength = 200_000)))
    @APIResponse(responseCode = "404", description = "Unknown township", content = @Content(mediaType = MediaType.TEXT_HTML,
            schema = @Schema(maxLength = 200_000)))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(implementation = FormFields.class)))
    public Response submitTownship(@PathParam("townshipCode") @Parameter(schema = @Schema(maxLength = 12,
            pattern = "^[0-9]{9}$")) String townshipCode, MultivaluedMap<String, String> fields,
            @HeaderParam("Idempotency-Key") @Parameter(schema = @Schema(maxLength = 100)) String idempotencyKey,
            @jakarta.ws.rs.core.Context HttpHeaders headers, @jakarta.ws.rs.core.Context HttpServerRequest request) {
        FormTexts t = texts(headers);
        Optional<Place> place = townshipPlace(townshipCode);
        if (place.isEmpty()) {
            return unknownPage(t);
        }
        return submitted(t, place.get(), null, true, fields, idempotencyKey, headers, request);
    }

    private Response submitted(FormTexts t, Place place, String posterCode, boolean active,
            MultivaluedMap<String, String> fields, String headerKey, HttpHeaders headers, HttpServerRequest request) {
        ApplicationForm input = ApplicationForm.of(fields);
        String key = headerKey != null && !headerKey.isBlank() ? headerKey.strip() : input.idempotencyKey();
        FormService.Outcome outcome = forms.submit(t, place, posterCode, input, key, ClientAddress.of(request),
                new FormService.Answer(fields.getFirst("challengeToken"), fields.getFirst("challengeAnswer")));
        boolean json = headers.getAcceptableMediaTypes().stream()
                .anyMatch(m -> m.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !m.isWildcardType());
        if (outcome.trackingNumber() != null) {
            String next = "/a/" + outcome.trackingNumber() + "?d=" + place.township().code;
            return json ? Response.ok(Map.of("trackingNumber", outcome.trackingNumber(), "next", next),
                    MediaType.APPLICATION_JSON).header("Cache-Control", "no-store").build()
                    : Response.seeOther(URI.create(next)).header("Cache-Control", "no-store").build();
        }
        if (json && outcome.challenge() != null) {
            // the page's script falls back to the plain form post, whose answer shows the question
            return Response.status(403).type(MediaType.APPLICATION_JSON).entity(Map.of("errors", outcome.errors(),
                    "challenge", outcome.challenge().question())).header("Cache-Control", "no-store").build();
        }
        if (json) {
            return Response.status(400).type(MediaType.APPLICATION_JSON).entity(Map.of("errors", outcome.errors()))
                    .header("Cache-Control", "no-store").build();
        }
        FormView view = forms.again(t, place, posterCode, active, input, key, outcome);
        boolean challenged = outcome.errors().containsKey("challengeAnswer");
        return page(form, view, challenged ? 403 : 400);
    }

    private Optional<Place> townshipPlace(String code) {
        if (code == null || !code.matches("^[0-9]{9}$")) {
            return Optional.empty();
        }
        return posters.place(code).filter(p -> p.village() == null);
    }

    Response unknownPage(FormTexts t) {
        return page(unknown, forms.home(t), 404);
    }

    static Response page(Template template, Object view, int status) {
        FormTexts t = view instanceof FormView f ? f.t() : ((FormService.HomeView) view).t();
        return Response.status(status).type(HTML).header("Cache-Control", "no-store")
                .header("Content-Language", t.get("lang"))
                .entity(template.data("page", view).data("t", t).render()).build();
    }

    static FormTexts texts(HttpHeaders headers) {
        return FormTexts.of(ProblemMessages.localeOf(headers));
    }

    /** The form's fields, for the API document (the resource reads them as a map). */
    @Schema(name = "ApplicationFormFields", description = "The resident's form, as a browser posts it")
    public record FormFields(
            @Schema(maxLength = 50, example = "张小三") String name,
            @Schema(maxLength = 22, pattern = "^[0-9]{17}[0-9Xx]$", example = "620503198001011237") String idNumber,
            @Schema(maxLength = 13, pattern = "^1[3-9][0-9]{9}$", example = "13812345678") String phone,
            @Schema(maxLength = 12, pattern = "^[0-9]{12}$", example = "620503114201") String villageCode,
            @Schema(maxLength = 20, example = "ILLNESS") String difficulty,
            @Schema(maxLength = 2, pattern = "^[0-9]{1,2}$", example = "3") String householdSize,
            @Schema(maxLength = 500) String description,
            @Schema(maxLength = 2, enumeration = {"on"}) String urgent,
            @Schema(maxLength = 2, enumeration = {"on"}) String consent,
            @Schema(maxLength = 2, enumeration = {"on"}, description = "Separate consent to sensitive information "
                    + "(health, disability, income); needed for the difficulties ILLNESS and DISABILITY") String sensitiveConsent,
            @Schema(maxLength = 100, pattern = "^[A-Za-z0-9_-]{16,100}$") String idempotencyKey,
            @Schema(maxLength = 100, description = "The token of the question the page showed (after 3 submissions "
                    + "from one address in an hour)") String challengeToken,
            @Schema(maxLength = 4, example = "12", description = "The answer, digits or Chinese numerals")
            String challengeAnswer) {
    }

    /** A fresh key per page view: a no-JS double submit or a reload after POST creates nothing twice. */
    static String newKey() {
        return UUID.randomUUID().toString();
    }
}
