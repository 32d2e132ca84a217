package cn.scanforhelp.cases.investigation;

import cn.scanforhelp.cases.casefile.CaseFile;
import cn.scanforhelp.cases.procedure.CaseType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The procedure's conditions on the investigation: a record before the investigation is complete (a new one after
 * an objection reopened it), and four eyes: nobody who investigated a case of a type in {@code sfh.four-eyes.types}
 * approves or rejects it.
 */
@ApplicationScoped
public class InvestigationGuards {

    private final EntityManager em;
    private final Set<CaseType> fourEyesTypes;

    public InvestigationGuards(EntityManager em,
            @ConfigProperty(name = "sfh.four-eyes.types", defaultValue = "DIBAO,TEKUN,TEMPORARY") List<String> types) {
        this.em = em;
        Set<CaseType> s = EnumSet.noneOf(CaseType.class);
        types.stream().map(String::trim).filter(t -> !t.isEmpty() && !t.equalsIgnoreCase("none"))
                .forEach(t -> s.add(CaseType.valueOf(t)));
        this.fourEyesTypes = s;
    }

    /** A record exists, made after the last objection if there was one. */
    public boolean recorded(CaseFile c) {
        OffsetDateTime objection = em.createQuery("select max(s.at) from CaseStep s where s.caseId = ?1"
                + " and s.action = 'RECORD_OBJECTION'", OffsetDateTime.class).setParameter(1, c.id).getSingleResult();
        String q = "select count(r) from InvestigationRecord r where r.caseId = ?1"
                + (objection == null ? "" : " and r.recordedAt > ?2");
        var query = em.createQuery(q, Long.class).setParameter(1, c.id);
        if (objection != null) {
            query.setParameter(2, objection);
        }
        return query.getSingleResult() > 0;
    }

    /** The caller may decide: the type is not under four eyes, or they investigated none of the case's visits. */
    public boolean fourEyes(CaseFile c, String user) {
        if (!fourEyesTypes.contains(c.type)) {
            return true;
        }
        return em.createQuery("select count(i) from Investigator i where i.caseId = ?1 and lower(i.userId) = lower(?2)",
                Long.class).setParameter(1, c.id).setParameter(2, user).getSingleResult() == 0;
    }

    public Set<CaseType> fourEyesTypes() {
        return fourEyesTypes;
    }
}
