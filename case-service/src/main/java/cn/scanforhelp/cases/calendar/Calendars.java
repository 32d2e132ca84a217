package cn.scanforhelp.cases.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/** The current working-day calendar, loaded from {@code calendar_day} at start and after each upload. */
@ApplicationScoped
public class Calendars {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Logger LOG = Logger.getLogger(Calendars.class);

    private final Map<Integer, Instant> warned = new ConcurrentHashMap<>();
    private final java.time.Clock clock;
    private volatile WorkingCalendar current;

    public Calendars(java.time.Clock clock) {
        this.clock = clock;
    }

    /** At start, as soon as the database is reachable and migrated (it may be down when the service starts). */
    void onStart(@Observes cn.scanforhelp.infra.persistence.DatabaseStartup.DatabaseReady ev) {
        reload();
    }

    /** Other replicas learn of an admin's upload within minutes. */
    @io.quarkus.scheduler.Scheduled(every = "${sfh.calendar.refresh:5m}", delayed = "1m",
            concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        reload();
    }

    @Transactional
    public void reload() {
        Map<LocalDate, WorkingCalendar.Kind> m = new HashMap<>();
        for (CalendarDay d : CalendarDay.<CalendarDay>listAll()) {
            m.put(d.day, "workday".equals(d.kind) ? WorkingCalendar.Kind.WORKDAY : WorkingCalendar.Kind.HOLIDAY);
        }
        WorkingCalendar loaded = new WorkingCalendar(m, this::missingYear);
        if (current == null || !current.years().equals(loaded.years())) {
            LOG.infof("working-day calendar loaded: years %s", loaded.years());
        }
        current = loaded;
    }

    public WorkingCalendar get() {
        if (current == null) {
            reload();
        }
        return current;
    }

    /** Loudly, but at most once an hour per year, so a queue page does not flood the log. */
    private void missingYear(int year) {
        Instant now = clock.instant();
        Instant last = warned.get(year);
        if (last == null || last.isBefore(now.minusSeconds(3600))) {
            warned.put(year, now);
            LOG.warnf("the working-day calendar has no data for %d: deadlines in %d count weekends only. "
                    + "An admin must load the year's holidays (PUT /api/v1/calendar/%d).", year, year, year);
        }
    }
}
