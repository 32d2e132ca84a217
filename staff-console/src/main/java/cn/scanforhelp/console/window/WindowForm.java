package cn.scanforhelp.console.window;

import java.util.List;
import java.util.Map;

/** The window form's data: the township, its villages, the choices, the values typed and the errors by field. */
public record WindowForm(String townshipName, List<WindowApi.Division> villages, List<Option> difficulties,
        List<String> checklist, List<String> ticked, Map<String, String> values, Map<String, String> errors,
        String notice) {

    public record Option(String value, String label) {
    }

    public record ErrorRow(String fieldId, String message) {
    }

    public String v(String field) {
        return values.getOrDefault(field, "");
    }

    public String e(String field) {
        return errors.get(field);
    }

    public boolean checked(String field) {
        return "yes".equals(values.get(field));
    }

    public boolean ticked(String material) {
        return ticked.contains(material);
    }

    public List<ErrorRow> errorList() {
        return errors.entrySet().stream().map(x -> new ErrorRow(x.getKey(), x.getValue())).toList();
    }
}
