package cn.scanforhelp.intake.poster;

import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.problem.ProblemException.FieldError;
import cn.scanforhelp.infra.security.Roles;
import cn.scanforhelp.infra.security.StaffScope;
import cn.scanforhelp.intake.division.Division;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URI;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Staff API of QR posters: create, list, withdraw, QR images, printable PDFs, statistics. */
@Path("/api/v1/posters")
@Tag(name = "Posters", description = "QR posters (有困难 扫一扫) for townships and villages, and their scans")
@SecurityRequirement(name = "oidc")
@Produces(MediaType.APPLICATION_JSON)
public class PosterResource {

    static final String POSTER_EXAMPLE = "{\"code\":\"K7QM4H\",\"divisionCode\":\"620503114\",\"divisionName\":\"利桥镇\","
            + "\"label\":\"利桥镇政府便民服务大厅门口\",\"url\":\"http://localhost:8081/h/K7QM4H\",\"active\":true,"
            + "\"createdBy\":\"officer\",\"createdAt\":\"2026-11-29T09:00:00+08:00\",\"withdrawnAt\":null,\"scans\":0,\"applications\":0}";
    static final String PDF = "application/pdf";

    private final PosterService service;
    private final StaffScope scope;
    private final java.time.Clock clock;
    private final PosterBatches batches;

    public PosterResource(PosterService service, StaffScope scope, java.time.Clock clock, PosterBatches batches) {
        this.clock = clock;
        this.batches = batches;
        this.service = service;
        this.scope = scope;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DISTRICT_OFFICER, Roles.ADMIN})
    @Operation(operationId = "createPoster", summary = "Create a poster for a township or village")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PosterView.Create.class), examples = @ExampleObject(name = "township",
                    value = "{\"divisionCode\":\"620503114\",\"label\":\"利桥镇政府便民服务大厅门口\"}")))
    @APIResponse(responseCode = "201", description = "The poster, with its code", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PosterView.Item.class),
            examples = @ExampleObject(name = "created", value = POSTER_EXAMPLE)))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    public Response create(@Valid @NotNull PosterView.Create request) {
        Poster p = service.create(request.divisionCode(), request.label(), scope.user(), scope::covers);
        return Response.created(URI.create("/api/v1/posters/" + p.code)).entity(view(p, PosterService.Totals.NONE))
                .build();
    }

    @GET
    @RolesAllowed({Roles.DISTRICT_OFFICER, Roles.ADMIN, Roles.TOWNSHIP_REVIEWER})
    @Operation(operationId = "listPosters", summary = "Posters in the caller's division, newest first",
            description = "Each poster with its scans and the applications sent from its form, all days together.")
    @APIResponse(responseCode = "200", description = "A page of posters", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PosterView.Page.class),
            examples = @ExampleObject(name = "page", value = "{\"items\":[" + POSTER_EXAMPLE + "],\"offset\":0,\"limit\":100}")))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    public PosterView.Page list(
            @Parameter(description = "only posters of this division and below", schema = @Schema(maxLength = 12,
                    pattern = "^[0-9]{2,12}$")) @QueryParam("divisionCode") String divisionCode,
            @Parameter(description = "only active (true) or withdrawn (false) posters") @QueryParam("active") Boolean active,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "500"))
            @QueryParam("limit") @DefaultValue("100") int limit,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "100000"))
            @QueryParam("offset") @DefaultValue("0") int offset) {
        String prefix = prefix(divisionCode);
        if (limit < 1 || limit > 500 || offset < 0 || offset > 100_000) {
            throw ProblemException.validation(List.of(FieldError.of(limit < 1 || limit > 500 ? "limit" : "offset",
                    "range", limit < 1 || limit > 500 ? 1 : 0, limit < 1 || limit > 500 ? 500 : 100_000)));
        }
        List<Poster> posters = service.list(prefix, active, limit, offset);
        Map<String, PosterService.Totals> totals = service.totals(posters.stream().map(p -> p.code).toList());
        return new PosterView.Page(posters.stream()
                .map(p -> view(p, totals.getOrDefault(p.code, PosterService.Totals.NONE))).toList(), offset, limit);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.DISTRICT_OFFICER, Roles.ADMIN, Roles.TOWNSHIP_REVIEWER})
    @Operation(operationId = "getPoster", summary = "One poster")
    @APIResponse(responseCode = "200", description = "The poster", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PosterView.Item.class),
            examples = @ExampleObject(name = "poster", value = POSTER_EXAMPLE)))
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    public PosterView.Item get(@PathParam("code") @Parameter(schema = @Schema(maxLength = 12)) String code) {
        Poster p = service.get(code, scope::covers);
        return view(p, service.totals(List.of(p.code)).getOrDefault(p.code, PosterService.Totals.NONE));
    }

    @POST
    @Path("/{code}/withdraw")
    @RolesAllowed({Roles.DISTRICT_OFFICER, Roles.ADMIN})
    @Operation(operationId = "withdrawPoster", summary = "Withdraw a poster (its URL keeps opening the township's form)")
    @APIResponse(responseCode = "200", description = "The withdrawn poster (withdrawing twice changes nothing)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PosterView.Item.class),
                    examples = @ExampleObject(name = "withdrawn", value = POSTER_EXAMPLE)))
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    public PosterView.Item withdraw(@PathParam("code") @Parameter(schema = @Schema(maxLength = 12)) String code) {
        Poster p = service.withdraw(code, scope.user(), scope::covers);
        return view(p, service.totals(List.of(p.code)).getOrDefault(p.code, PosterService.Totals.NONE));
    }

    @GET
    @Path("/{code}/qr.png")
    @Produces("image/png")
    @RolesAllowed({Roles.DISTRICT_OFFICER, Roles.ADMIN, Roles.TOWNSHIP_REVIEWER})
    @Operation(operationId = "getPosterQrPng", summary = "The poster's QR code as PNG (error correction Q)")
    @APIResponse(responseCode = "200", description = "PNG image", content = @Content(mediaType = "image/png",
            schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 4_000_000)))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    public Response png(@PathParam("code") @Parameter(schema = @Schema(maxLength = 12)) String code,
            @Parameter(description = "width in pixels", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "128", maximum = "2048")) @QueryParam("size") Integer size) {
        return qr(code, size, QrCodes::png, "image/png");
    }

    @GET
    @Path("/{code}/qr.svg")
    @Produces("image/svg+xml")
    @RolesAllowed({Roles.DISTRICT_OFFICER, Roles.ADMIN, Roles.TOWNSHIP_REVIEWER})
    @Operation(operationId = "getPosterQrSvg", summary = "The poster's QR code as SVG (error correction Q)")
    @APIResponse(responseCode = "200", description = "SVG image", content = @Content(mediaType = "image/svg+xml",
            schema = @Schema(type = SchemaType.STRING, maxLength = 200_000)))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    public Response svg(@PathParam("code") @Parameter(schema = @Schema(maxLength = 12)) String code,
            @Parameter(description = "width in pixels", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "128", maximum = "2048")) @QueryParam("size") Integer size) {
        return qr(code, size, QrCodes::svg, "image/svg+xml");
    }

    /** One QR image of the poster in scope, rendered at the asked width; images change only with the code. */
    private Response qr(String code, Integer size, java.util.function.BiFunction<String, Integer, ?> render,
            String mediaType) {
        Poster p = service.get(code, scope::covers);
        return Response.ok(render.apply(service.url(p.code), size(size)), mediaType)
                .header("Cache-Control", "private, max-age=86400").build();
    }

    @GET
    @Path("/{code}/poster.pdf")
    @Produces(PDF)
    @RolesAllowed({Roles.DISTRICT_OFFICER, Roles.ADMIN, Roles.TOWNSHIP_REVIEWER})
    @Operation(operationId = "getPosterPdf", summary = "The printable A4 poster (Chinese, embedded font)")
    @APIResponse(responseCode = "200", description = "PDF, one A4 page", content = @Content(mediaType = PDF,
            schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 20_000_000)))
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    public Response pdf(@PathParam("code") @Parameter(schema = @Schema(maxLength = 12)) String code) {
        Poster p = service.get(code, scope::covers);
        return Response.ok(service.pdf(List.of(p)), PDF)
                .header("Content-Disposition", "inline; filename=\"poster-" + p.code + ".pdf\"").build();
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(PDF)
    @RolesAllowed({Roles.DISTRICT_OFFICER, Roles.ADMIN})
    @Operation(operationId = "printPosterBatch", summary = "Posters for every village or township under a division, one PDF",
            description = "Creates a poster for each village (or township) that has no active poster with this label yet, "
                    + "reuses the existing ones, and answers one PDF with a page per poster. At most "
                    + "sfh.poster.batch-max (500) posters per batch (400 poster.batch-too-large naming the cap), and "
                    + "one batch at a time per instance (503 poster-batch-busy with Retry-After).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PosterView.Batch.class), examples = @ExampleObject(name = "villages",
                    value = "{\"divisionCode\":\"620503\",\"level\":\"VILLAGE\",\"label\":\"村委会公告栏\"}")))
    @APIResponse(responseCode = "200", description = "PDF, one A4 page per poster; X-Poster-Count says how many",
            content = @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    maxLength = 500_000_000)))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    // 503 also while another batch is being printed (poster-batch-busy, with Retry-After): see the description
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response batch(@Valid @NotNull PosterView.Batch request) {
        batches.enter();
        List<Poster> posters;
        java.nio.file.Path file;
        try {
            posters = service.batch(request.divisionCode(), request.level() == PosterView.Level.VILLAGE,
                    request.label(), scope.user(), scope::covers);
            file = service.pdfFile(posters);
        } finally {
            batches.leave();
        }
        long size;
        try {
            size = java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        StreamingOutput body = out -> {
            try {
                java.nio.file.Files.copy(file, out);
            } finally {
                java.nio.file.Files.deleteIfExists(file);
            }
        };
        return Response.ok(body, PDF).header("X-Poster-Count", posters.size()).header("Content-Length", size)
                .header("Content-Disposition", "attachment; filename=\"posters-" + request.divisionCode() + ".pdf\"")
                .build();
    }

    @GET
    @Path("/stats")
    @RolesAllowed({Roles.DISTRICT_OFFICER, Roles.ADMIN, Roles.TOWNSHIP_REVIEWER})
    @Operation(operationId = "getPosterStatistics", summary = "Scans and applications per poster per day")
    @APIResponse(responseCode = "200", description = "Days with scans, newest first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PosterView.Stats.class),
            examples = @ExampleObject(name = "stats", value = "{\"from\":\"2026-10-31\",\"to\":\"2026-11-29\",\"days\":"
                    + "[{\"posterCode\":\"K7QM4H\",\"divisionCode\":\"620503114\",\"divisionName\":\"利桥镇\","
                    + "\"label\":\"利桥镇政府便民服务大厅门口\",\"active\":true,\"day\":\"2026-11-29\",\"scans\":12,"
                    + "\"applications\":2}]}")))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    public PosterView.Stats stats(
            @Parameter(schema = @Schema(maxLength = 12, pattern = "^[0-9]{2,12}$")) @QueryParam("divisionCode") String divisionCode,
            @Parameter(schema = @Schema(maxLength = 12)) @QueryParam("posterCode") String posterCode,
            @Parameter(description = "first day (default: 30 days ago)", schema = @Schema(format = "date", maxLength = 10))
            @QueryParam("from") LocalDate from,
            @Parameter(description = "last day (default: today)", schema = @Schema(format = "date", maxLength = 10))
            @QueryParam("to") LocalDate to) {
        String prefix = prefix(divisionCode);
        LocalDate last = to != null ? to : LocalDate.now(clock);
        LocalDate first = from != null ? from : last.minusDays(29);
        if (first.isAfter(last) || ChronoUnit.DAYS.between(first, last) > 366) {
            throw ProblemException.validation(List.of(FieldError.of("from", "poster.stats-range")));
        }
        String code = posterCode == null ? null : PosterCodes.normalize(posterCode).orElse("-");
        var rows = service.stats(prefix, code, first, last, 5000).stream()
                .map(r -> new PosterView.Day(r.posterCode(), r.divisionCode(), r.divisionName(), r.label(), r.active(),
                        r.day(), r.scans(), r.applications())).toList();
        return new PosterView.Stats(first, last, rows);
    }

    /** The division filter: the caller's own division unless a narrower one inside it is asked for. */
    private String prefix(String divisionCode) {
        String own = scope.division();
        if (divisionCode == null || divisionCode.isBlank()) {
            return own;
        }
        if (!divisionCode.matches("^[0-9]{2,12}$")) {
            throw ProblemException.validation(List.of(FieldError.of("divisionCode", "constraint.Pattern")));
        }
        if (!divisionCode.startsWith(own)) {
            throw ProblemException.validation(List.of(FieldError.of("divisionCode", "poster.division-out-of-scope")));
        }
        return divisionCode;
    }

    private static int size(Integer size) {
        if (size == null) {
            return QrCodes.DEFAULT_SIZE;
        }
        if (size < QrCodes.MIN_SIZE || size > QrCodes.MAX_SIZE) {
            throw ProblemException.validation(List.of(FieldError.of("size", "range", QrCodes.MIN_SIZE,
                    QrCodes.MAX_SIZE)));
        }
        return size;
    }

    private PosterView.Item view(Poster p, PosterService.Totals totals) {
        Division d = Division.findById(p.divisionCode);
        return new PosterView.Item(p.code, p.divisionCode, d == null ? null : d.name, p.label, service.url(p.code),
                p.active, p.createdBy, p.createdAt, p.withdrawnAt, totals.scans(), totals.applications());
    }
}
