package cn.scanforhelp.cases.casefile;

import cn.scanforhelp.cases.procedure.Clock;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** One statutory clock of a case: running, paused (with the working days left) or stopped. */
@Entity
@Table(name = "case_deadline")
public class CaseDeadline extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "case_id")
    public UUID caseId;
    @Enumerated(EnumType.STRING)
    public Clock.Kind kind;
    @Column(name = "started_on")
    public LocalDate startedOn;
    @Column(name = "due_on")
    public LocalDate dueOn;
    /** the length of the limit (working days; calendar days for the public notice) */
    @Column(name = "working_days")
    public int workingDays;
    @Column(name = "paused_on")
    public LocalDate pausedOn;
    @Column(name = "remaining_days")
    public Integer remainingDays;
    @Column(name = "stopped_on")
    public LocalDate stoppedOn;
    /** set when stopped: was it stopped on or before the due date */
    public Boolean met;

    public boolean running() {
        return stoppedOn == null && pausedOn == null;
    }
}
