package cn.scanforhelp.cases.calendar;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** An exception to Monday–Friday: a public holiday ({@code holiday}) or a make-up working day ({@code workday}). */
@Entity
@Table(name = "calendar_day")
public class CalendarDay extends PanacheEntityBase {
    @Id
    public LocalDate day;
    @Column(nullable = false)
    public String kind;
    @Column(nullable = false)
    public String name;
}
