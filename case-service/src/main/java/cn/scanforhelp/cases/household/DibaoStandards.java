package cn.scanforhelp.cases.household;

import cn.scanforhelp.cases.household.HouseholdViews.Area;
import cn.scanforhelp.cases.household.HouseholdViews.Standard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** 低保标准 per county, urban or rural, and year: reference data an admin sets. */
@ApplicationScoped
public class DibaoStandards {

    private final EntityManager em;

    public DibaoStandards(EntityManager em) {
        this.em = em;
    }

    /** The standard in force in {@code year}: that year's, or the latest before it. */
    public Optional<Standard> inForce(String countyCode, Area area, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> r = em.createNativeQuery("select county_code, area, year, monthly_yuan from dibao_standard "
                + "where county_code = ?1 and area = ?2 and year <= ?3 order by year desc limit 1")
                .setParameter(1, countyCode).setParameter(2, area.name()).setParameter(3, year).getResultList();
        return r.stream().findFirst().map(DibaoStandards::standard);
    }

    public List<Standard> list(String countyPrefix) {
        @SuppressWarnings("unchecked")
        List<Object[]> r = em.createNativeQuery("select county_code, area, year, monthly_yuan from dibao_standard "
                + "where county_code like ?1 order by county_code, year desc, area").setParameter(1, countyPrefix + "%")
                .getResultList();
        return r.stream().map(DibaoStandards::standard).toList();
    }

    @Transactional
    public Standard put(String countyCode, Area area, int year, BigDecimal monthlyYuan) {
        em.createNativeQuery("insert into dibao_standard (county_code, area, year, monthly_yuan) values (?1, ?2, ?3, ?4) "
                + "on conflict (county_code, area, year) do update set monthly_yuan = excluded.monthly_yuan")
                .setParameter(1, countyCode).setParameter(2, area.name()).setParameter(3, year)
                .setParameter(4, monthlyYuan).executeUpdate();
        return new Standard(countyCode, area, year, monthlyYuan);
    }

    private static Standard standard(Object[] o) {
        return new Standard((String) o[0], Area.valueOf((String) o[1]), ((Number) o[2]).intValue(),
                new BigDecimal(o[3].toString()));
    }
}
