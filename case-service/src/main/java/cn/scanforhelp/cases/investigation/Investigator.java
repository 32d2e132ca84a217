package cn.scanforhelp.cases.investigation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A member of staff who took part in an investigation: their user id (as in their token) and name. */
@Entity
@Table(name = "investigation_investigator")
public class Investigator extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "record_id")
    public Long recordId;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "user_id")
    public String userId;
    public String name;
}
