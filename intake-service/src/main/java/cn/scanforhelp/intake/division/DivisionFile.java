package cn.scanforhelp.intake.division;

import cn.scanforhelp.infra.problem.ProblemException.FieldError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A file of the National Bureau of Statistics' division codes (统计用区划代码) in the shape of
 * {@code divisions-gansu-2023.csv}: {@code code,name,level,parent_code}, one division per line. Read whole and
 * checked before anything is written: a code's length fits its level (province 2, city 4, county 6, township,
 * subdistrict and zone 9, village 12), a parent is a prefix of its child's code and is in the file or already
 * known, no code twice. Errors name the line ({@code line 12: code}). The CSV is plain (the NBS names hold no
 * commas or quotes), so a split is enough; a quoted field is refused rather than half-read.
 */
public final class DivisionFile {

    /** One division of the file. */
    public record Row(String code, String name, String level, String parentCode) {
    }

    /** The rows, parents before children, or what is wrong with them (at most {@link #MAX_ERRORS}). */
    public record Parsed(List<Row> rows, List<FieldError> errors) {
    }

    static final int MAX_ERRORS = 50;
    private static final Map<String, Integer> LENGTH = Map.of("province", 2, "city", 4, "county", 6,
            "subdistrict", 9, "township", 9, "zone", 9, "village", 12);

    private DivisionFile() {
    }

    /**
     * Reads and checks the file. {@code known} answers whether a code outside the file exists already (a county's
     * file names its city as the county's parent without listing it).
     */
    public static Parsed read(Reader in, java.util.function.Predicate<String> known) throws IOException {
        BufferedReader r = new BufferedReader(in);
        List<FieldError> errors = new ArrayList<>();
        String header = r.readLine();
        if (header == null || !header.replace("\uFEFF", "").strip().startsWith("code,name,level,parent_code")) {
            return new Parsed(List.of(), List.of(FieldError.of("line 1", "division-file.header")));
        }
        Map<String, Row> byCode = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        int line = 1;
        for (String text = r.readLine(); text != null && errors.size() < MAX_ERRORS; text = r.readLine()) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            String at = "line " + line;
            String[] f = text.split(",", -1);
            if (f.length < 4 || text.indexOf('"') >= 0) {
                errors.add(FieldError.of(at, "division-file.columns"));
                continue;
            }
            Row row = new Row(f[0].strip(), f[1].strip(), f[2].strip(), f[3].isBlank() ? null : f[3].strip());
            Integer length = LENGTH.get(row.level());
            if (length == null) {
                errors.add(FieldError.of(at + ": level", "enum", String.join(", ", DivisionService.LEVELS)));
            } else if (!row.code().matches("[0-9]{" + length + "}")) {
                errors.add(FieldError.of(at + ": code", "division-file.code-length", length));
            } else if (row.name().isEmpty() || row.name().length() > 100 || !cleanName(row.name())) {
                errors.add(FieldError.of(at + ": name", "division-file.name"));
            } else if (row.parentCode() == null ? length != 2
                    : !row.parentCode().matches("[0-9]{2,12}") || !row.code().startsWith(row.parentCode())
                            || row.parentCode().length() >= row.code().length()) {
                errors.add(FieldError.of(at + ": parent_code", "division-file.parent"));
            } else if (byCode.putIfAbsent(row.code(), row) != null) {
                errors.add(FieldError.of(at + ": code", "division-file.duplicate"));
            } else {
                rows.add(row);
            }
        }
        for (Row row : rows) {
            if (errors.size() >= MAX_ERRORS) {
                break;
            }
            if (row.parentCode() != null && !byCode.containsKey(row.parentCode()) && !known.test(row.parentCode())) {
                errors.add(FieldError.of("code " + row.code() + ": parent_code", "division-file.unknown-parent"));
            }
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(FieldError.of("line 2", "division-file.empty"));
        }
        rows.sort(Comparator.comparingInt((Row x) -> x.code().length()).thenComparing(Row::code));
        return new Parsed(errors.isEmpty() ? List.copyOf(rows) : List.of(), List.copyOf(errors));
    }

    /** The upload's text: UTF-8 (with or without a byte-order mark); other bytes are refused, not guessed. */
    public static String utf8(byte[] body) {
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new cn.scanforhelp.infra.problem.ProblemException(400, "division-file-encoding");
        }
    }

    /** Chinese names and the few marks NBS names use; no control or markup characters. */
    private static boolean cleanName(String name) {
        return name.codePoints().noneMatch(c -> Character.isISOControl(c) || "<>&\"'\\".indexOf(c) >= 0);
    }
}
