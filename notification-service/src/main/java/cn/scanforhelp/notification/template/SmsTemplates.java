package cn.scanforhelp.notification.template;

import cn.scanforhelp.notification.config.SmsConfig;
import cn.scanforhelp.notification.event.CaseEvent;
import cn.scanforhelp.notification.event.EventType;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the Chinese text of each event from {@code templates/sms/<TYPE>.txt} (Qute). Values that
 * could be long (materials) are shortened here so that every message fits two segments at most;
 * {@code SmsTemplatesTest} renders each with the longest realistic values and checks.
 */
@ApplicationScoped
public class SmsTemplates {

    /** Longest materials list a message carries; the rest is "等" and the office explains. */
    static final int MAX_MATERIALS = 16;
    static final String DEFAULT_HOTLINE = "12345";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");

    /** Reason categories (case-service's codes) as the resident reads them. */
    static final Map<String, String> REASONS = Map.of(
            "INCOME_ABOVE_STANDARD", "家庭收入高于当地标准",
            "ASSETS_ABOVE_LIMIT", "家庭财产超过规定",
            "NOT_ELIGIBLE", "不符合救助条件",
            "MATERIALS_INCOMPLETE", "材料未按时补齐",
            "NOT_LOCAL_RESIDENT", "不属于本辖区",
            "DUPLICATE", "已有相同申请在办",
            "FALSE_INFORMATION", "申报情况与核查不符",
            "OTHER", "详见书面通知");

    private final Engine engine;
    private final SmsConfig config;
    private final Map<EventType, Template> templates = new EnumMap<>(EventType.class);

    public SmsTemplates(Engine engine, SmsConfig config) {
        this.engine = engine;
        this.config = config;
    }

    public String render(CaseEvent e) {
        Map<String, Object> data = new HashMap<>();
        data.put("sig", config.signature());
        data.put("tn", e.trackingNumber());
        data.put("township", e.townshipName());
        data.put("hotline", e.hotline() == null || e.hotline().isBlank() ? DEFAULT_HOTLINE : e.hotline());
        data.put("deadline", day(e.deadline()));
        data.put("noticeEnds", day(e.noticeEndsOn()));
        data.put("reason", REASONS.getOrDefault(e.reasonCategory() == null ? "OTHER" : e.reasonCategory(),
                REASONS.get("OTHER")));
        data.put("materials", materials(e.materials()));
        data.put("department", e.department() == null || e.department().isBlank() ? "相关部门" : e.department());
        data.put("amount", amount(e.amountYuan()));
        data.put("monthly", "MONTHLY".equals(e.payment()));
        data.put("oneOff", "ONE_OFF".equals(e.payment()));
        data.put("dueOn", day(e.materialsDueOn() != null ? e.materialsDueOn() : e.deadline()));
        data.put("askRating", e.asksRating());
        return template(e.type()).data(data).render().strip();
    }

    private Template template(EventType type) {
        return templates.computeIfAbsent(type, t -> {
            Template tpl = engine.getTemplate("sms/" + t.name() + ".txt");
            if (tpl == null) {
                throw new IllegalStateException("no SMS template for " + t);
            }
            return tpl;
        });
    }

    private static String day(LocalDate d) {
        return d == null ? "规定期限" : DAY.format(d);
    }

    /** Whole items joined with 、 up to MAX_MATERIALS characters, then 等 (the written notice lists all). */
    static String materials(java.util.List<String> items) {
        java.util.List<String> clean = items == null ? java.util.List.of() : items.stream()
                .filter(i -> i != null && !i.isBlank()).map(String::strip).distinct().toList();
        if (clean.isEmpty()) {
            return "详见书面告知";
        }
        StringBuilder out = new StringBuilder();
        for (String item : clean) {
            String next = out.isEmpty() ? item : out + "、" + item;
            if (next.codePointCount(0, next.length()) > MAX_MATERIALS) {
                if (out.isEmpty()) { // a single item longer than the room: cut it
                    out.append(item, 0, item.offsetByCodePoints(0, MAX_MATERIALS - 1));
                }
                return out + "等";
            }
            out.setLength(0);
            out.append(next);
        }
        return out.toString();
    }

    private static String amount(BigDecimal a) {
        return a == null || a.signum() <= 0 ? "" : a.stripTrailingZeros().toPlainString();
    }
}
