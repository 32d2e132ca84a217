package cn.scanforhelp.cases.stats;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The Chinese names of the codes in the Excel exports, as the staff console shows them: the channels (扫码申请, 热线,
 * 监测预警, 窗口受理), and the types and statuses from the procedure table's labels (procedure.properties, the
 * ones {@code GET /api/v1/procedure} serves). The CSV keeps the codes for machines. An unknown code is shown as it is.
 * Also what the CSV and Excel exports share: a CSV text field made safe, a sheet's header row.
 */
public final class ExportLabels {

    private static final Map<String, String> CHANNELS = Map.of(
            "QR", "扫码申请", "HOTLINE", "热线", "MONITORING", "监测预警", "WINDOW", "窗口受理");
    private static final ResourceBundle PROCEDURE = ResourceBundle.getBundle("procedure", Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private ExportLabels() {
    }

    public static String channel(String channel) {
        return channel == null ? "" : CHANNELS.getOrDefault(channel, channel);
    }

    public static String type(String type) {
        return label("type.", type);
    }

    public static String status(String status) {
        return label("status.", status);
    }

    private static String label(String prefix, String code) {
        if (code == null) {
            return "";
        }
        return PROCEDURE.containsKey(prefix + code) ? PROCEDURE.getString(prefix + code) : code;
    }

    /** A text field of a CSV: quoted when it must be, and never read as a formula by a spreadsheet. */
    public static String csvText(String s) {
        if (s == null) {
            return "";
        }
        String v = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /** The first row of a sheet: its column names. */
    public static void header(Sheet sheet, String... names) {
        Row h = sheet.createRow(0);
        for (int i = 0; i < names.length; i++) {
            h.createCell(i).setCellValue(names[i]);
        }
    }
}
