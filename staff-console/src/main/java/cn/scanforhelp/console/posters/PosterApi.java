package cn.scanforhelp.console.posters;

import java.time.OffsetDateTime;
import java.util.List;

/** What the console uses of intake-service's poster API (its Poster and PosterList; unknown properties ignored). */
public final class PosterApi {

    private PosterApi() {
    }

    public record Item(String code, String divisionCode, String divisionName, String label, String url,
            boolean active, String createdBy, OffsetDateTime createdAt, OffsetDateTime withdrawnAt, long scans,
            long applications) {
    }

    public record Page(List<Item> items, int offset, int limit) {
    }
}
