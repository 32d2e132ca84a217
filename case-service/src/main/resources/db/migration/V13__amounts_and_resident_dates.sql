-- Amounts kept apart: the emergency aid (先行救助) and the approved amount were one column, so an approval
-- overwrote the aid. The approved amount says how it came about (COMPUTED from the household and the local
-- standard, OVERRIDDEN by the reviewer with a reason, ENTERED for temporary aid); the reason of an override
-- may speak of the household's income and is encrypted like the other personal fields.
-- The approved amount itself is published in the 公示 and counted in statistics: kept in clear.
alter table case_file
    add column emergency_aid_yuan numeric(12, 2),
    add column amount_basis       varchar(16) check (amount_basis in ('COMPUTED', 'OVERRIDDEN', 'ENTERED')),
    add column amount_reason_enc  text,
    add column materials_due_on   date;
alter table case_file alter column amount_reason_enc set statistics 0;

-- recover both amounts of cases that had emergency aid from the steps, which recorded each as "amount: …"
update case_file c set emergency_aid_yuan = (
        select cast(substring(s.details from 'amount: ([0-9]+(\.[0-9]+)?)') as numeric(12, 2)) from case_step s
        where s.case_id = c.id and s.action = 'GRANT_EMERGENCY_AID' order by s.id limit 1)
    where c.emergency_aid_at is not null;
update case_file c set amount_yuan = (
        select cast(substring(s.details from 'amount: ([0-9]+(\.[0-9]+)?)') as numeric(12, 2)) from case_step s
        where s.case_id = c.id and s.action = 'APPROVE' order by s.id desc limit 1)
    where c.emergency_aid_at is not null;
update case_file set amount_basis = 'ENTERED' where amount_yuan is not null;

-- 特困人员基本生活标准: monthly yuan per person, per county and year (set by an admin, like dibao_standard)
create table support_standard (
    county_code  varchar(6)     not null,
    year         integer        not null,
    monthly_yuan numeric(10, 2) not null,
    primary key (county_code, year)
);

-- satisfaction ratings per division and type, for statistics: the few rated cases only
create index case_file_rated on case_file (division_code text_pattern_ops) include (type, satisfaction_rating, received_at)
    where satisfaction_rating is not null;
