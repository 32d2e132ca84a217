package cn.scanforhelp.intake.division;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A statistical division: province, city, county, subdistrict/township, or village. Reference data read
 * by every submission (township, village and its parent) and changed a few times a year, so it sits in
 * Hibernate's second-level cache; another replica's change is seen within the cache's expiry.
 */
@Entity
@Cacheable
@Table(name = "division")
public class Division extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    public String level;
    @Column(name = "parent_code")
    public String parentCode;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(32)[]")
    public String[] hotlines = new String[0];
    public boolean active = true;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public int version;

    public List<String> hotlineList() {
        return hotlines == null ? List.of() : List.of(hotlines);
    }

    /** Township-level (镇/乡/街道): where a civil-affairs office reviews applications. */
    public boolean isTownship() {
        return "township".equals(level) || "subdistrict".equals(level);
    }

    public boolean isVillage() {
        return "village".equals(level);
    }
}
