package cn.scanforhelp.intake.hotline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An answer the district keeps for questions callers often ask; no personal data. */
@Entity
@Table(name = "canned_answer")
public class CannedAnswer extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "division_code")
    public String divisionCode;
    public String title;
    public String body;
    public boolean retired;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
