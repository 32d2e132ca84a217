package cn.scanforhelp.cases.casefile;

import cn.scanforhelp.cases.procedure.CaseType;
import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The departments cases are referred to (转办), per referred type; configuration, since places differ. */
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

    @ConfigMapping(prefix = "sfh.referral")
    public interface Config {
        /** referred type → the responsible department */
        Map<String, String> departments();
    }
}
