package cn.scanforhelp.console.cases;

import java.util.List;

/** case-service's statistics as the dashboard reads them (only the fields it shows). */
public final class StatsApi {

    private StatsApi() {
    }

    /** {@code GET /api/v1/statistics/divisions}: one division's open cases per deadline state, decisions on time. */
    public record DivisionRow(String divisionCode, String townshipName, long onTrack, long atRisk, long overdue,
            long decided, long decidedOnTime, Double onTimeRate) {
    }

    /** {@code GET /api/v1/statistics}: counts per division × type × channel × status, and the ratings. */
    public record Report(List<Row> rows, long total, List<RatingRow> ratings) {
    }

    public record Row(String divisionCode, String type, String channel, String status, long count) {
    }

    public record RatingRow(String divisionCode, String type, long ratings, double average, long satisfied,
            long dissatisfied) {
    }
}
