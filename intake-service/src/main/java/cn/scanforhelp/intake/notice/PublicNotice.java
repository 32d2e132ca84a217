package cn.scanforhelp.intake.notice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A 公示 as case-service published it (V58): only what a notice may show. */
@Entity
@Table(name = "public_notice")
public class PublicNotice extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "township_code")
    public String townshipCode;
    @Column(name = "township_name")
    public String townshipName;
    @Column(name = "village_code")
    public String villageCode;
    @Column(name = "village_name")
    public String villageName;
    @Column(name = "masked_name")
    public String maskedName;
    @Column(name = "household_size")
    public Integer householdSize;
    @Column(name = "assistance_type")
    public String assistanceType;
    @Column(name = "amount_yuan")
    public BigDecimal amountYuan;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
    @Column(name = "ends_at")
    public OffsetDateTime endsAt;
    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;

    /** On the public page now: published, not withdrawn, and its period not over. */
    public boolean showing(OffsetDateTime now) {
        return withdrawnAt == null && now.isBefore(endsAt);
    }
}
