package cn.scanforhelp.cases.stats;

import cn.scanforhelp.cases.calendar.Calendars;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Residents' satisfaction ratings (1–5, replied by SMS after a case closed with help given), per division
 * (township) and type, of the cases received in the range. Read from case_file's partial index of rated
 * cases (V13): ratings are few next to cases.
 */
@ApplicationScoped
public class Ratings {

    @Schema(description = "Satisfaction ratings of one division and type")
    public record RatingRow(@Schema(maxLength = 12) String divisionCode, @Schema(maxLength = 16) String type,
            @Schema(format = "int64", minimum = "0", maximum = "100000000") long ratings,
            @Schema(description = "mean rating, 1–5") double average,
            @Schema(format = "int64", minimum = "0", maximum = "100000000", description = "rated 4 or 5") long satisfied,
            @Schema(format = "int64", minimum = "0", maximum = "100000000", description = "rated 1 or 2") long dissatisfied) {
    }

    private final EntityManager em;

    public Ratings(EntityManager em) {
        this.em = em;
    }

    /** {@code from}/{@code to}: receipt dates (Asia/Shanghai), inclusive; either may be null. */
    public List<RatingRow> rows(String prefix, LocalDate from, LocalDate to) {
        Query q = em.createNativeQuery("select division_code, type, count(*), avg(satisfaction_rating),"
                + " count(*) filter (where satisfaction_rating >= 4), count(*) filter (where satisfaction_rating <= 2)"
                + " from case_file where satisfaction_rating is not null and division_code like :prefix"
                + (from != null ? " and received_at >= :from" : "") + (to != null ? " and received_at < :to" : "")
                + " group by division_code, type order by 1, 2").setParameter("prefix", prefix + "%");
        if (from != null) {
            q.setParameter("from", from.atStartOfDay(Calendars.ZONE).toOffsetDateTime());
        }
        if (to != null) {
            q.setParameter("to", to.plusDays(1).atStartOfDay(Calendars.ZONE).toOffsetDateTime());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> r = q.getResultList();
        return r.stream().map(o -> new RatingRow((String) o[0], (String) o[1], ((Number) o[2]).longValue(),
                Math.round(((Number) o[3]).doubleValue() * 100) / 100.0, ((Number) o[4]).longValue(),
                ((Number) o[5]).longValue())).toList();
    }
}
