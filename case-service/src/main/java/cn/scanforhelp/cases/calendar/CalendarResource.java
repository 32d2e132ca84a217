package cn.scanforhelp.cases.calendar;

import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.problem.ProblemException.FieldError;
import cn.scanforhelp.infra.security.Roles;
import cn.scanforhelp.infra.security.StaffScope;
import jakarta.enterprise.event.Event;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

/** The working-day calendar: a year's holidays and make-up working days, loadable without a release. */
@Path("/api/v1/calendar")
@Tag(name = "Calendar", description = "Public holidays and make-up working days")
@SecurityRequirement(name = "oidc")
public class CalendarResource {

    static final String EXAMPLE = "{\"year\":2027,\"days\":[{\"date\":\"2027-01-01\",\"kind\":\"HOLIDAY\",\"name\":\"元旦\"},"
            + "{\"date\":\"2027-02-07\",\"kind\":\"WORKDAY\",\"name\":\"春节调休\"}]}";

    private final Calendars calendars;
    private final Event<CalendarLoaded> loaded;
    private final StaffScope scope;
    private final java.time.Clock clock;

    public CalendarResource(Calendars calendars, Event<CalendarLoaded> loaded, StaffScope scope, java.time.Clock clock) {
        this.calendars = calendars;
        this.loaded = loaded;
        this.scope = scope;
        this.clock = clock;
    }

    @Schema(description = "A day that differs from Monday–Friday")
    public record Day(@NotNull LocalDate date, @NotNull WorkingCalendar.Kind kind,
            @NotBlank @Size(max = 100) @Schema(maxLength = 100, example = "春节") String name) {
    }

    @Schema(description = "One year's exceptions to Monday–Friday")
    public record Year(@Schema(format = "int32", minimum = "2000", maximum = "2100") int year,
            @NotNull @Size(max = 366) @Schema(maxItems = 366) List<@Valid @NotNull Day> days,
            @Schema(nullable = true, readOnly = true, format = "int32", minimum = "0", maximum = "10000000",
                    description = "Loading: how many due dates of open cases and referrals were counted again "
                            + "(each audited); null when reading") Integer deadlinesRecounted) {

        public Year(int year, List<Day> days) {
            this(year, days, null);
        }
    }

    @GET
    @Path("{year}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.TOWNSHIP_REVIEWER, Roles.DISTRICT_OFFICER})
    @Operation(operationId = "getCalendarYear", summary = "A year's holidays and make-up working days",
            description = "An empty list means the year is not loaded: deadlines in it count weekends only.")
    @APIResponse(responseCode = "200", description = "The year", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Year.class), examples = @ExampleObject(name = "2027", value = EXAMPLE)))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "TooManyRequests")
    @Transactional
    public Year get(@PathParam("year") @Min(2000) @Max(2100)
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "2000", maximum = "2100"))
            int year) {
        List<CalendarDay> days = CalendarDay.list("day >= ?1 and day <= ?2 order by day", LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31));
        return new Year(year, days.stream().map(d -> new Day(d.day,
                "workday".equals(d.kind) ? WorkingCalendar.Kind.WORKDAY : WorkingCalendar.Kind.HOLIDAY, d.name)).toList());
    }

    @PUT
    @Path("{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putCalendarYear", summary = "Load (or replace) a year's holidays",
            description = "From the State Council's notice, published each November. Deadlines computed later use it, "
                    + "and the running limits of open cases (and open referrals) that reach into the year are counted "
                    + "again with it at once: a year missing from the calendar counted weekends only. Each moved "
                    + "due date is audited (RECOUNT_DEADLINES, RECOUNT_REFERRAL); the answer says how many moved.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Year.class),
            examples = @ExampleObject(name = "2027", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The year as stored", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Year.class)))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "TooManyRequests")
    @Transactional
    public Year put(@PathParam("year") @Min(2000) @Max(2100)
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "2000", maximum = "2100"))
            int year, @Valid @NotNull Year body) {
        return load(year, body.days(), i -> "days[" + i + "].date");
    }

    @POST
    @Path("{year}/import")
    @Consumes("text/csv")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "importCalendarYear", summary = "Load (or replace) a year's holidays from a CSV file",
            description = "The file as the State Council's schedule is kept (the shape of reference/holidays-cn.csv): "
                    + "a header date,kind,name and one day per row, kind holiday or workday; UTF-8. Every bad row is "
                    + "named by its line (the header is line 1). Then as putCalendarYear: the year replaced, the open "
                    + "cases' running limits reaching into it counted again.")
    @RequestBody(content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, maxLength = 65536),
            examples = @ExampleObject(name = "2027", value = "date,kind,name\n2027-01-01,holiday,元旦\n"
                    + "2027-02-07,workday,春节调休\n")))
    @APIResponse(responseCode = "200", description = "The year as stored", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Year.class)))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "TooManyRequests")
    @Transactional
    public Year importCsv(@PathParam("year") @Min(2000) @Max(2100)
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "2000", maximum = "2100"))
            int year, byte[] csv) {
        return load(year, CalendarCsv.parse(csv == null ? new byte[0] : csv), i -> "line " + (i + 2));
    }

    private Year load(int year, List<Day> days, java.util.function.IntFunction<String> field) {
        List<FieldError> errors = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < days.size(); i++) {
            Day d = days.get(i);
            if (d.date().getYear() != year) {
                errors.add(FieldError.of(field.apply(i), "calendar-year", year));
            } else if (!seen.add(d.date())) {
                errors.add(FieldError.of(field.apply(i), "duplicate-date"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        WorkingCalendar before = calendars.get();
        store(year, days);
        calendars.reload();
        CalendarLoaded e = new CalendarLoaded(year, before, calendars.get(), LocalDate.now(clock.withZone(Calendars.ZONE)),
                scope.user(), scope.roles().stream().sorted().collect(java.util.stream.Collectors.joining(",")),
                new java.util.concurrent.atomic.AtomicInteger());
        loaded.fire(e); // the open cases' and referrals' due dates counted again, in this transaction
        Year stored = get(year);
        return new Year(stored.year(), stored.days(), e.moved().get());
    }

    void store(int year, List<Day> days) {
        CalendarDay.delete("day >= ?1 and day <= ?2", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        for (Day d : days) {
            CalendarDay cd = new CalendarDay();
            cd.day = d.date();
            cd.kind = d.kind() == WorkingCalendar.Kind.WORKDAY ? "workday" : "holiday";
            cd.name = d.name().trim();
            cd.persist();
        }
    }
}
