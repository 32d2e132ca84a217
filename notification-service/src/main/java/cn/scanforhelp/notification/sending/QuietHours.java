package cn.scanforhelp.notification.sending;

import cn.scanforhelp.notification.config.SmsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/** No SMS at night (21:00–08:00 Asia/Shanghai by default) unless urgent. */
@ApplicationScoped
public class QuietHours {

    private final SmsConfig config;

    public QuietHours(SmsConfig config) {
        this.config = config;
    }

    public boolean isQuiet(Instant at) {
        if (!config.quietHours().enabled()) {
            return false;
        }
        LocalTime t = at.atZone(config.zone()).toLocalTime();
        LocalTime start = config.quietHours().start();
        LocalTime end = config.quietHours().end();
        if (start.equals(end)) {
            return false;
        }
        return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
    }

    /** The earliest moment at or after {@code at} when this message may be sent. */
    public Instant earliest(Instant at, boolean urgent) {
        if (urgent || !isQuiet(at)) {
            return at;
        }
        ZonedDateTime z = at.atZone(config.zone());
        ZonedDateTime end = z.with(config.quietHours().end()).withSecond(0).withNano(0);
        if (!end.isAfter(z)) {
            end = end.plusDays(1);
        }
        return end.toInstant();
    }
}
