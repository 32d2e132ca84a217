package cn.scanforhelp.cases.household;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** An asset of the household (deposits, vehicle, housing beyond need, …). */
@Entity
@Table(name = "household_asset")
public class HouseholdAsset extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "case_id")
    public UUID caseId;
    public String kind;
    public String description;
    @Column(name = "value_yuan")
    public BigDecimal valueYuan;
}
