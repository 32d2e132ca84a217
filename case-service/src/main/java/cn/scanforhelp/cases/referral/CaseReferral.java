package cn.scanforhelp.cases.referral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One referral (转办) of a case to a department: a task with its own due date, state and outcome. */
@Entity
@Table(name = "case_referral")
public class CaseReferral extends PanacheEntityBase {

    public enum State {
        /** sent, the department has not confirmed receipt yet */
        SENT,
        /** the department confirmed it has the case */
        ACKNOWLEDGED,
        /** the department answered; {@link #outcome} says what it did */
        DONE,
        /** past its due date and not done: escalated to the district */
        OVERDUE
    }

    /** random, not a counter: the API names referrals by it */
    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    public String department;
    @Enumerated(EnumType.STRING)
    public State state;
    @Column(name = "working_days")
    public int workingDays;
    @Column(name = "sent_on")
    public LocalDate sentOn;
    @Column(name = "due_on")
    public LocalDate dueOn;
    @Column(name = "sent_at")
    public OffsetDateTime sentAt;
    @Column(name = "sent_by")
    public String sentBy;
    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;
    @Column(name = "acknowledged_by")
    public String acknowledgedBy;
    @Column(name = "done_at")
    public OffsetDateTime doneAt;
    @Column(name = "done_by")
    public String doneBy;
    /** set when done: on or before the due date */
    public Boolean met;
    public String outcome;
    @Column(name = "escalated_at")
    public OffsetDateTime escalatedAt;
    @Version
    public int version;

    public boolean done() {
        return state == State.DONE;
    }
}
