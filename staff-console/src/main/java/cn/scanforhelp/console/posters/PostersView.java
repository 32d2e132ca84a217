package cn.scanforhelp.console.posters;

import cn.scanforhelp.console.window.WindowApi;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the posters page shows: the filter, the forms (an officer's), the posters of this page. */
public record PostersView(Filter filter, boolean manage, List<WindowApi.Division> places,
        List<WindowApi.Division> townships, List<WindowApi.Division> villages, List<Row> rows, boolean more,
        Map<String, String> values, Map<String, String> errors, String notice) {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The list's filter: a division (township or village) under the user's, active or withdrawn, the page. */
    public record Filter(String division, String active, int offset) {
    }

    public record ErrorItem(String fieldId, String message) {
    }

    /** One poster as the table shows it; times in China time. */
    public record Row(String code, String divisionCode, String divisionName, String label, boolean active,
            String created, String createdBy, String withdrawn, long scans, long applications) {
    }

    static Row row(PosterApi.Item i, Locale locale) {
        return new Row(i.code(), i.divisionCode(), i.divisionName() == null ? i.divisionCode() : i.divisionName(),
                i.label(), i.active(), when(i.createdAt()), i.createdBy(), when(i.withdrawnAt()), i.scans(),
                i.applications());
    }

    static String when(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(CHINA).format(WHEN);
    }

    public String v(String field) {
        return values.getOrDefault(field, "");
    }

    public String e(String field) {
        return errors.get(field);
    }

    public List<ErrorItem> errorList() {
        return errors.entrySet().stream().map(x -> new ErrorItem(x.getKey(), x.getValue())).toList();
    }

    /** The batch's default label: where village posters usually hang. */
    public String batchLabel() {
        String v = values.get("batchLabel");
        return v == null ? null : v;
    }

    /** The query of this filter, for the paging links ({@code &}-separated, without offset). */
    public String query() {
        StringBuilder q = new StringBuilder();
        if (filter.division() != null) {
            q.append("&division=").append(filter.division());
        }
        if (filter.active() != null) {
            q.append("&active=").append(filter.active());
        }
        return q.toString();
    }

    public int nextOffset() {
        return filter.offset() + PostersPage.PAGE;
    }

    public int previousOffset() {
        return Math.max(0, filter.offset() - PostersPage.PAGE);
    }

    public boolean hasPrevious() {
        return filter.offset() > 0;
    }

    /** The township the filter names, when it names one: the village posters of the create form are its. */
    public String filterTownshipName() {
        return townships.stream().filter(t -> t.code().equals(filter.division())).map(WindowApi.Division::name)
                .findFirst().orElse(null);
    }
}
