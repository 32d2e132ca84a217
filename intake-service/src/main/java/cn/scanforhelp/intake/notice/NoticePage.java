package cn.scanforhelp.intake.notice;

import cn.scanforhelp.intake.form.FormTexts;
import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.Map;

/** What the notice pages show: nothing but the masked name, household size, type, amount and period. */
@TemplateData
public record NoticePage(FormTexts t, String assets, List<String> hotlines, String townshipCode, String townshipName,
        List<Row> rows, Row one, String qrSvg, Map<String, String> errors, String name, String contact, String text,
        boolean filed) {

    @TemplateData
    public record Row(int no, String id, String village, String maskedName, String household, String type,
            String amount, String ends, String href) {
    }

    public String err(String field) {
        return errors == null ? null : errors.get(field);
    }

    public List<Map.Entry<String, String>> errorList() {
        return errors == null ? List.of() : List.copyOf(errors.entrySet());
    }
}
