package cn.scanforhelp.intake.alert;

import cn.scanforhelp.infra.problem.ProblemException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads an alert batch from CSV: UTF-8 (with or without BOM), a header row naming the columns. */
final class AlertCsv {

    static final Set<String> REQUIRED = Set.of("source", "idNumber", "name", "divisionCode", "reason", "date");
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    private AlertCsv() {
    }

    static List<AlertViews.Row> parse(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(400, "csv-malformed");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<AlertViews.Row> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            while (it.hasNext()) {
                Map<String, String> m = it.next();
                if (rows.isEmpty() && !m.keySet().containsAll(REQUIRED)) {
                    throw new ProblemException(400, "csv-malformed");
                }
                if (rows.size() >= AlertService.MAX_ROWS) {
                    throw new ProblemException(400, "batch-too-large", AlertService.MAX_ROWS);
                }
                rows.add(new AlertViews.Row(m.get("source"), m.get("idNumber"), m.get("name"), m.get("divisionCode"),
                        m.get("reason"), m.get("date"), m.get("phone"), m.get("note")));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException pe) {
                throw pe;
            }
            throw new ProblemException(400, "csv-malformed");
        }
        return rows;
    }
}
