package cn.scanforhelp.intake.form;

import cn.scanforhelp.intake.division.Division;
import cn.scanforhelp.intake.poster.PosterService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The page behind a poster's QR code: counts the scan and opens the township's form. */
@Path("/h")
@Tag(name = "Resident pages", description = "HTML pages for residents (no account)")
@SecurityRequirements
public class FormResource {

    private final PosterService posters;
    private final Template landing;
    private final Template unknown;
    private final String homeDivision;

    public FormResource(PosterService posters, @Location("form/landing.html") Template landing,
            @Location("form/unknown.html") Template unknown,
            @ConfigProperty(name = "sfh.home-division", defaultValue = "620503") String homeDivision) {
        this.posters = posters;
        this.landing = landing;
        this.unknown = unknown;
        this.homeDivision = homeDivision;
    }

    @GET
    @Path("/{posterCode}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "openPoster", summary = "The page a poster's QR code opens (counts the scan)")
    @APIResponse(responseCode = "200", description = "The application form of the poster's township",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(maxLength = 200_000)))
    @APIResponse(responseCode = "404", description = "Unknown poster: a friendly page with the hotline",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(maxLength = 200_000)))
    public Response open(@PathParam("posterCode") @Parameter(schema = @Schema(maxLength = 12)) String posterCode) {
        return posters.scan(posterCode)
                .map(t -> Response.ok(landing.data("target", t).data("hotlines", t.place().hotlines()).render()))
                .orElseGet(() -> Response.status(404).entity(unknown.data("hotlines", homeHotlines()).render()))
                .type("text/html;charset=UTF-8").header("Cache-Control", "no-store").build();
    }

    private List<String> homeHotlines() {
        Division home = Division.findById(homeDivision);
        return home == null || home.hotlineList().isEmpty() ? List.of("12345") : home.hotlineList();
    }
}
