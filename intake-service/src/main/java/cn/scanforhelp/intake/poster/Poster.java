package cn.scanforhelp.intake.poster;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** A printed QR poster: where it hangs, the division it serves, whether it is still in use. */
@Entity
@Table(name = "poster")
public class Poster extends PanacheEntityBase {

    @Id
    public String code;
    @Column(name = "division_code")
    public String divisionCode;
    public String label;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    public boolean active = true;
    @Column(name = "withdrawn_by")
    public String withdrawnBy;
    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;
    @Version
    public int version;
}
