package cn.scanforhelp.cases.household;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 特困人员基本生活标准 per county and year: reference data an admin sets, like {@link DibaoStandards}. */
@ApplicationScoped
public class SupportStandards {

    @Schema(description = "A county's basic living standard for persons in extreme poverty (特困人员)")
    public record SupportStandard(@Schema(maxLength = 6, example = "620503") String countyCode,
            @Schema(format = "int32", minimum = "2000", maximum = "2100") int year,
            @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.DecimalMin("1")
            @jakarta.validation.constraints.DecimalMax("100000")
            @Schema(minimum = "1", maximum = "100000", example = "850") BigDecimal monthlyYuan) {
    }

    private final EntityManager em;

    public SupportStandards(EntityManager em) {
        this.em = em;
    }

    /** The standard in force in {@code year}: that year's, or the latest before it. */
    public Optional<SupportStandard> inForce(String countyCode, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> r = em.createNativeQuery("select county_code, year, monthly_yuan from support_standard "
                + "where county_code = ?1 and year <= ?2 order by year desc limit 1")
                .setParameter(1, countyCode).setParameter(2, year).getResultList();
        return r.stream().findFirst().map(SupportStandards::standard);
    }

    public List<SupportStandard> list(String countyPrefix) {
        @SuppressWarnings("unchecked")
        List<Object[]> r = em.createNativeQuery("select county_code, year, monthly_yuan from support_standard "
                + "where county_code like ?1 order by county_code, year desc").setParameter(1, countyPrefix + "%")
                .getResultList();
        return r.stream().map(SupportStandards::standard).toList();
    }

    @Transactional
    public SupportStandard put(String countyCode, int year, BigDecimal monthlyYuan) {
        em.createNativeQuery("insert into support_standard (county_code, year, monthly_yuan) values (?1, ?2, ?3) "
                + "on conflict (county_code, year) do update set monthly_yuan = excluded.monthly_yuan")
                .setParameter(1, countyCode).setParameter(2, year).setParameter(3, monthlyYuan).executeUpdate();
        return new SupportStandard(countyCode, year, monthlyYuan);
    }

    private static SupportStandard standard(Object[] o) {
        return new SupportStandard((String) o[0], ((Number) o[1]).intValue(), new BigDecimal(o[2].toString()));
    }
}
