package cn.scanforhelp.cases.calendar;

import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.problem.ProblemException.FieldError;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A year of the calendar as CSV, in the shape of {@code reference/holidays-cn.csv} (and of the shared data's
 * {@code holidays-cn.csv}): a header {@code date,kind,name}, one day per row, {@code kind} {@code holiday} (a day
 * off) or {@code workday} (a make-up working day). UTF-8, with or without BOM. Every bad row is named by its line
 * (the header is line 1), all at once.
 */
final class CalendarCsv {

    static final int MAX_ROWS = 366;
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    private CalendarCsv() {
    }

    static List<CalendarResource.Day> parse(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.validation(List.of(FieldError.of("file", "calendar-csv-encoding")));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<CalendarResource.Day> days = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            int line = 1;
            while (it.hasNext()) {
                Map<String, String> m = it.next();
                line++;
                if (line == 2 && !m.keySet().containsAll(List.of("date", "kind", "name"))) {
                    throw ProblemException.validation(List.of(FieldError.of("file", "calendar-csv-header")));
                }
                if (days.size() + errors.size() >= MAX_ROWS) {
                    throw ProblemException.validation(List.of(FieldError.of("file", "calendar-csv-rows", MAX_ROWS)));
                }
                String where = "line " + line;
                LocalDate date = null;
                try {
                    date = LocalDate.parse(m.getOrDefault("date", ""));
                } catch (DateTimeParseException e) {
                    errors.add(FieldError.of(where, "calendar-csv-date"));
                }
                String kind = m.getOrDefault("kind", "").toUpperCase(Locale.ROOT);
                WorkingCalendar.Kind k = "HOLIDAY".equals(kind) ? WorkingCalendar.Kind.HOLIDAY
                        : "WORKDAY".equals(kind) ? WorkingCalendar.Kind.WORKDAY : null;
                if (k == null) {
                    errors.add(FieldError.of(where, "calendar-csv-kind"));
                }
                String name = m.getOrDefault("name", "");
                if (name.isBlank() || name.length() > 100) {
                    errors.add(FieldError.of(where, "calendar-csv-name"));
                }
                if (date != null && k != null && !name.isBlank() && name.length() <= 100) {
                    days.add(new CalendarResource.Day(date, k, name));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException pe) {
                throw pe;
            }
            throw ProblemException.validation(List.of(FieldError.of("file", "calendar-csv-malformed")));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return days;
    }
}
