package cn.scanforhelp.cases.casefile;

import cn.scanforhelp.cases.procedure.CaseType;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The departments cases are referred to (转办), per referred type, and the working days each has to answer;
 * configuration, since places differ.
 */
@ApplicationScoped
public class Referrals {

    private final Config config;

    public Referrals(Config config) {
        this.config = config;
    }

    public List<String> departments() {
        return List.copyOf(new TreeSet<>(config.departments().values()));
    }

    public String departmentFor(CaseType type) {
        return config.departments().get(type.name());
    }

    /** The working days a department has to answer a referral: its type's {@code due-days}, or the default. */
    public int dueDays(String department) {
        return config.departments().entrySet().stream().filter(e -> e.getValue().equals(department))
                .map(e -> config.dueDays().get(e.getKey())).filter(java.util.Objects::nonNull).findFirst()
                .orElse(config.defaultDueDays());
    }

    @ConfigMapping(prefix = "sfh.referral")
    public interface Config {
        /** referred type → the responsible department */
        Map<String, String> departments();

        /** referred type → working days its department has to answer a referral */
        Map<String, Integer> dueDays();

        /** working days for a department without its own {@code due-days} */
        @WithDefault("10")
        int defaultDueDays();
    }
}
