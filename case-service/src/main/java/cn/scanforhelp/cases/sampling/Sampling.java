package cn.scanforhelp.cases.sampling;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One sampling check (抽查) of a township's decided cases: the period, the seed of the draw, who drew it and when. */
@Entity
@Table(name = "sampling")
public class Sampling extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "division_code")
    public String divisionCode;
    @Column(name = "township_name")
    public String townshipName;
    @Column(name = "period_from")
    public LocalDate periodFrom;
    @Column(name = "period_to")
    public LocalDate periodTo;
    /** the seed of the draw: the same decided cases and seed draw the same sample ({@link Draw}) */
    public long seed;
    @Column(name = "drawn_by")
    public String drawnBy;
    @Column(name = "drawn_at")
    public OffsetDateTime drawnAt;
}
