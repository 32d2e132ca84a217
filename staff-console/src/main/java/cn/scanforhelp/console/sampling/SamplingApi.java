package cn.scanforhelp.console.sampling;

import java.util.List;
import java.util.UUID;

/** case-service's sampling checks (抽查) as the console reads them (only the fields it shows). */
public final class SamplingApi {

    private SamplingApi() {
    }

    /** {@code POST /api/v1/samplings}: the township and the period of decision dates. */
    public record DrawRequest(String townshipCode, String from, String to) {
    }

    /** {@code POST …/check}: CONFIRMED or PROBLEM_FOUND, and a note. */
    public record CheckRequest(String outcome, String note) {
    }

    /** One of {@code GET /api/v1/samplings}. */
    public record Summary(UUID id, String townshipCode, String townshipName, String from, String to, String drawnBy,
            String drawnAt, int sampled, int checked, int problems) {
    }

    public record Stratum(String type, int population, double share, int drawn) {
    }

    public record Drawn(UUID caseId, String trackingNumber, String type, String decision, String decidedOn,
            String applicantName, String villageName, String outcome, String note, String checkedBy,
            String checkedAt) {
    }

    /** {@code GET /api/v1/samplings/{id}}. */
    public record Details(UUID id, String townshipCode, String townshipName, String from, String to, long seed,
            String drawnBy, String drawnAt, List<Stratum> strata, List<Drawn> cases) {
    }

    /** {@code GET /api/v1/statistics/sampling}. */
    public record StatsRow(String divisionCode, String townshipName, String type, long sampled, long checked,
            long problems) {
    }
}
