package cn.scanforhelp.console.admin;

import cn.scanforhelp.console.cases.ServiceProblem;
import cn.scanforhelp.console.web.Chrome;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The admin's working-day calendar (节假日安排): which years are loaded (this year and the next two), and the upload
 * of a year as the CSV the State Council's schedule is kept in. case-service checks the file (its refusals come
 * back line by line), replaces the year and counts the open cases' limits again; the page says how many moved.
 * A plain form (CSRF token, multipart), no script needed.
 */
@Path("/admin/calendar")
@RolesAllowed("admin")
@Produces(MediaType.TEXT_HTML)
public class CalendarPage {

    /** A year's file is a few KB; a bigger one is not a calendar. */
    static final long MAX_BYTES = 64 * 1024;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance calendar(Chrome.Frame chrome, CalendarView view);
    }

    /** One year's line: loaded or not, its holidays and make-up days counted. */
    public record YearRow(int year, boolean loaded, long holidays, long workdays) {
    }

    /** {@code errors}: case-service's refusal, one line per bad row; {@code done}: what the load did. */
    public record CalendarView(List<YearRow> years, List<Integer> choices, int chosen, String done,
            List<String> errors, boolean available) {
    }

    private final CalendarClient calendar;
    private final Chrome chrome;
    private final Clock clock;

    public CalendarPage(@RestClient CalendarClient calendar, Chrome chrome, Clock clock) {
        this.calendar = calendar;
        this.chrome = chrome;
        this.clock = clock;
    }

    @GET
    public Response page() {
        int next = today().getYear() + 1;
        return page(200, next, null, List.of());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("year") String year, @RestForm("file") FileUpload file) throws IOException {
        AdminMsg m = msg();
        int thisYear = today().getYear();
        int y;
        try {
            y = Integer.parseInt(year == null ? "" : year.trim());
        } catch (NumberFormatException e) {
            y = -1;
        }
        if (y < thisYear - 1 || y > thisYear + 2) {
            return page(400, thisYear + 1, null, List.of(m.yearInvalid()));
        }
        if (file == null || file.size() == 0) {
            return page(400, y, null, List.of(m.fileMissing()));
        }
        if (file.size() > MAX_BYTES) {
            return page(400, y, null, List.of(m.fileTooBig(MAX_BYTES / 1024)));
        }
        try {
            CalendarClient.Year loaded = calendar.load(chrome.language(), y, Files.readAllBytes(file.uploadedFile()));
            int moved = loaded.deadlinesRecounted() == null ? 0 : loaded.deadlinesRecounted();
            return page(200, y, m.loaded(y, loaded.days().size(), moved), List.of());
        } catch (ServiceProblem p) {
            if (p.status() != 400) {
                throw p;
            }
            List<String> errors = new ArrayList<>();
            p.fieldErrors().entrySet().stream().sorted(java.util.Comparator.comparingInt(e -> byLine(e.getKey())))
                    .forEach(e -> errors.add(where(e.getKey(), m) + e.getValue()));
            return page(400, y, null, errors.isEmpty() ? List.of(p.message()) : errors);
        }
    }

    private Response page(int status, int chosen, String done, List<String> errors) {
        int thisYear = today().getYear();
        List<YearRow> rows = new ArrayList<>();
        boolean available = true;
        for (int y = thisYear; y <= thisYear + 2; y++) {
            try {
                List<CalendarClient.Day> days = calendar.get(chrome.language(), y).days();
                rows.add(new YearRow(y, !days.isEmpty(), days.stream().filter(d -> "HOLIDAY".equals(d.kind())).count(),
                        days.stream().filter(d -> "WORKDAY".equals(d.kind())).count()));
            } catch (ServiceProblem p) {
                available = false;
            }
        }
        List<Integer> choices = List.of(thisYear - 1, thisYear, thisYear + 1, thisYear + 2);
        String html = chrome.localize(Templates.calendar(chrome.frame(),
                new CalendarView(rows, choices, chosen, done, errors, available))).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html)
                .header("Cache-Control", "no-store").build();
    }

    /** "line 3" first by its number; "file" (the whole file) before every line. */
    private static int byLine(String field) {
        return field.startsWith("line ") ? Integer.parseInt(field.substring(5).trim()) : 0;
    }

    private static String where(String field, AdminMsg m) {
        return field.startsWith("line ") ? m.line(field.substring(5).trim()) : "";
    }

    AdminMsg msg() {
        return chrome.english() ? MessageBundles.get(AdminMsg.class, Localized.Literal.of("en"))
                : MessageBundles.get(AdminMsg.class);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
    }
}
