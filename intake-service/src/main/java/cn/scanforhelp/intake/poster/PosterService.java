package cn.scanforhelp.intake.poster;

import cn.scanforhelp.infra.persistence.NativeWrite;
import cn.scanforhelp.infra.problem.ProblemException.FieldError;
import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.intake.division.Division;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Posters: creating, listing, withdrawing, printing them, and counting their scans. */
@ApplicationScoped
public class PosterService {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final EntityManager em;
    private final PosterPdf pdf;
    private final String baseUrl;
    private final Optional<String> issuer;
    private final java.time.Clock clock;
    private final PosterBatches batches;

    public PosterService(EntityManager em, PosterPdf pdf, PosterBatches batches,
            @ConfigProperty(name = "sfh.public-base-url", defaultValue = "http://localhost:8081") String baseUrl,
            @ConfigProperty(name = "sfh.poster.issuer") Optional<String> issuer, java.time.Clock clock) {
        this.clock = clock;
        this.em = em;
        this.pdf = pdf;
        this.batches = batches;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.issuer = issuer;
    }

    /** The URL the QR code carries: short, so the code stays small. */
    public String url(String code) {
        return baseUrl + "/h/" + code;
    }

    /** A division with the places above it, as a poster and the form need them. */
    public record Place(Division division, Division township, Division village, Division county) {
        /** The hotlines of the nearest level that has any: village, township, county. */
        public List<String> hotlines() {
            for (Division d : new Division[] {village, township, county}) {
                if (d != null && !d.hotlineList().isEmpty()) {
                    return d.hotlineList();
                }
            }
            return List.of();
        }
    }

    public Optional<Place> place(String divisionCode) {
        Division d = divisionCode == null ? null : Division.findById(divisionCode);
        if (d == null) {
            return Optional.empty();
        }
        Division township = d.isVillage() ? Division.findById(d.parentCode) : d.isTownship() ? d : null;
        if (township == null) {
            return Optional.empty();
        }
        Division county = township.parentCode == null ? null : Division.findById(township.parentCode);
        return Optional.of(new Place(d, township, d.isVillage() ? d : null, county));
    }

    @Transactional
    public Poster create(String divisionCode, String label, String user, StaffCheck scope) {
        Place place = place(divisionCode).orElseThrow(() -> ProblemException.validation(
                List.of(FieldError.of("divisionCode", "poster.division-not-served"))));
        if (!scope.covers(divisionCode)) {
            throw ProblemException.validation(List.of(FieldError.of("divisionCode", "poster.division-out-of-scope")));
        }
        return insert(place.division().code, label.strip(), user);
    }

    private Poster insert(String divisionCode, String label, String user) {
        for (int attempt = 0; ; attempt++) {
            String code = PosterCodes.next();
            // 2^30 codes: a collision is rare, and then simply another draw.
            if (Poster.findById(code) != null && attempt < 5) {
                continue;
            }
            Poster p = new Poster();
            p.code = code;
            p.divisionCode = divisionCode;
            p.label = label;
            p.createdBy = user;
            p.createdAt = OffsetDateTime.now(clock);
            p.persist();
            return p;
        }
    }

    public Optional<Poster> find(String rawCode) {
        return PosterCodes.normalize(rawCode).map(c -> Poster.findById(c));
    }

    /** The poster, or 404 when it does not exist or lies outside the caller's division. */
    public Poster get(String rawCode, StaffCheck scope) {
        return find(rawCode).filter(p -> scope.covers(p.divisionCode))
                .orElseThrow(() -> new ProblemException(404, "poster-not-found"));
    }

    public List<Poster> list(String divisionPrefix, Boolean active, int limit, int offset) {
        String q = "divisionCode like ?1" + (active == null ? "" : " and active = ?2") + " order by createdAt desc, code";
        var query = active == null ? Poster.<Poster>find(q, divisionPrefix + "%")
                : Poster.<Poster>find(q, divisionPrefix + "%", active);
        return query.range(offset, offset + limit - 1).list();
    }

    /** A poster's scans and the applications sent from its form, all days together. */
    public record Totals(long scans, long applications) {
        public static final Totals NONE = new Totals(0, 0);
    }

    /** Scans and applications per poster, for the posters asked (two grouped queries, whatever their number). */
    public Map<String, Totals> totals(List<String> codes) {
        Map<String, Totals> totals = new HashMap<>();
        if (codes.isEmpty()) {
            return totals;
        }
        for (Object[] r : rows("select poster_code, sum(scans) from poster_scan_day where poster_code in (:codes)"
                + " group by poster_code", codes)) {
            totals.put((String) r[0], new Totals(((Number) r[1]).longValue(), 0));
        }
        // application_poster_code (V67) serves it: a poster's applications, not a scan of every application
        for (Object[] r : rows("select poster_code, count(*) from application where poster_code in (:codes)"
                + " group by poster_code", codes)) {
            long scans = totals.getOrDefault((String) r[0], Totals.NONE).scans();
            totals.put((String) r[0], new Totals(scans, ((Number) r[1]).longValue()));
        }
        return totals;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, List<String> codes) {
        return em.createNativeQuery(sql).setParameter("codes", codes).getResultList();
    }

    @Transactional
    public Poster withdraw(String rawCode, String user, StaffCheck scope) {
        Poster p = get(rawCode, scope);
        if (p.active) {
            p.active = false;
            p.withdrawnBy = user;
            p.withdrawnAt = OffsetDateTime.now(clock);
        }
        return p;
    }

    /**
     * Counts one scan of the poster (a counter per poster and day; nothing about who scanned) and
     * says where it leads. Withdrawn posters still lead to their township's form.
     */
    @Transactional
    public Optional<ScanTarget> scan(String rawCode) {
        Optional<ScanTarget> target = target(rawCode);
        target.ifPresent(t -> NativeWrite.to(em, "poster_scan_day", "insert into poster_scan_day (poster_code, day, "
                + "scans) values (?1, ?2, 1) on conflict (poster_code, day) do update set scans = poster_scan_day.scans + 1")
                .setParameter(1, t.posterCode()).setParameter(2, LocalDate.now(clock)).executeUpdate());
        return target;
    }

    /** Where a poster leads, without counting a scan (the form's own submissions, for example). */
    public Optional<ScanTarget> target(String rawCode) {
        Optional<Poster> poster = find(rawCode);
        if (poster.isEmpty()) {
            return Optional.empty();
        }
        Poster p = poster.get();
        Place place = place(p.divisionCode).orElseThrow();
        if (!p.active && place.village() != null) {
            place = place(place.township().code).orElseThrow();
        }
        return Optional.of(new ScanTarget(p.code, p.active, place));
    }

    public record ScanTarget(String posterCode, boolean active, Place place) {
    }

    public byte[] pdf(List<Poster> posters) {
        return pdf.render(pages(posters));
    }

    /** A batch's PDF in a temporary file (the caller deletes it). */
    public java.nio.file.Path pdfFile(List<Poster> posters) {
        return pdf.renderToFile(pages(posters));
    }

    private List<PosterPdf.Page> pages(List<Poster> posters) {
        List<PosterPdf.Page> pages = new ArrayList<>(posters.size());
        Map<String, Place> places = new HashMap<>();
        for (Poster p : posters) {
            Place pl = places.computeIfAbsent(p.divisionCode, c -> place(c).orElseThrow());
            String county = pl.county() == null ? "" : pl.county().name;
            pages.add(new PosterPdf.Page(p.code, url(p.code), county, pl.township().name,
                    pl.village() == null ? null : pl.village().name, pl.hotlines(),
                    issuer.orElse(county + "民政局"), p.label));
        }
        return pages;
    }

    /**
     * One poster for every village (or township) under {@code divisionCode}: an active poster with
     * the same label is reused, so printing the batch again does not multiply the records.
     */
    @Transactional
    public List<Poster> batch(String divisionCode, boolean villages, String label, String user, StaffCheck scope) {
        if (!scope.covers(divisionCode)) {
            throw ProblemException.validation(List.of(FieldError.of("divisionCode", "poster.division-out-of-scope")));
        }
        String levels = villages ? "('village')" : "('township','subdistrict')";
        List<Division> targets = Division.list("code like ?1 and level in " + levels + " and active = true order by code",
                divisionCode + "%");
        if (targets.isEmpty()) {
            throw ProblemException.validation(List.of(FieldError.of("divisionCode", "poster.batch-empty")));
        }
        if (targets.size() > batches.max()) {
            throw ProblemException.validation(List.of(FieldError.of("divisionCode", "poster.batch-too-large",
                    batches.max())));
        }
        Map<String, Poster> existing = new HashMap<>();
        Poster.<Poster>list("divisionCode like ?1 and label = ?2 and active = true order by createdAt", divisionCode + "%",
                label.strip()).forEach(p -> existing.putIfAbsent(p.divisionCode, p));
        List<Poster> out = new ArrayList<>(targets.size());
        for (Division d : targets) {
            Poster p = existing.get(d.code);
            out.add(p != null ? p : insert(d.code, label.strip(), user));
        }
        return out;
    }

    /** Scans (and applications) per poster per day, newest first. */
    public List<DayRow> stats(String divisionPrefix, String posterCode, LocalDate from, LocalDate to, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                with scans as (
                    select poster_code, day, scans from poster_scan_day where day between ?3 and ?4
                ), apps as (
                    -- applications that came through a poster's form, on the day (China time) they came
                    select poster_code, (submitted_at at time zone 'Asia/Shanghai')::date as day, count(*) as n
                    from application
                    where poster_code is not null
                      and submitted_at >= cast(?3 as date)::timestamp at time zone 'Asia/Shanghai'
                      and submitted_at < (cast(?4 as date) + 1)::timestamp at time zone 'Asia/Shanghai'
                    group by 1, 2
                ), days as (
                    select coalesce(s.poster_code, a.poster_code) as code, coalesce(s.day, a.day) as day,
                           coalesce(s.scans, 0) as scans, coalesce(a.n, 0) as apps
                    from scans s full outer join apps a on a.poster_code = s.poster_code and a.day = s.day
                )
                select p.code, p.division_code, d.name, p.label, p.active, x.day, x.scans, x.apps
                from days x
                join poster p on p.code = x.code
                join division d on d.code = p.division_code
                where p.division_code like ?1 and (?2 = '' or p.code = ?2)
                order by x.day desc, x.scans desc, p.code
                """).setParameter(1, divisionPrefix + "%").setParameter(2, posterCode == null ? "" : posterCode)
                .setParameter(3, from).setParameter(4, to).setMaxResults(limit).getResultList();
        List<DayRow> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new DayRow((String) r[0], (String) r[1], (String) r[2], (String) r[3], (Boolean) r[4],
                    toDate(r[5]), ((Number) r[6]).longValue(), ((Number) r[7]).longValue()));
        }
        return out;
    }

    private static LocalDate toDate(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }

    public record DayRow(String posterCode, String divisionCode, String divisionName, String label, boolean active,
            LocalDate day, long scans, long applications) {
    }

    /** What the service needs of the caller's scope (the resource passes StaffScope::covers). */
    @FunctionalInterface
    public interface StaffCheck {
        boolean covers(String divisionCode);
    }
}
