-- Referrals (转办) as tracked tasks: a case may be referred to several departments, each with its own due
-- date (working days per department), state and outcome. The case's referral outcome closes it only when
-- every referral is done. Cases referred before this migration have no rows: nothing holds them open.
create table case_referral (
    id              uuid         primary key,
    case_id         uuid         not null references case_file (id),
    department      varchar(100) not null,
    state           varchar(16)  not null check (state in ('SENT', 'ACKNOWLEDGED', 'DONE', 'OVERDUE')),
    working_days    integer      not null check (working_days > 0),
    sent_on         date         not null,
    due_on          date         not null,
    sent_at         timestamptz  not null,
    sent_by         varchar(255) not null,
    acknowledged_at timestamptz,
    acknowledged_by varchar(255),
    done_at         timestamptz,
    done_by         varchar(255),
    -- set when done: was it done on or before the due date
    met             boolean,
    outcome         varchar(2000),
    escalated_at    timestamptz,
    version         integer      not null default 0
);
create index case_referral_case on case_referral (case_id, sent_at);
-- the escalation job's search: referrals not done, by due date
create index case_referral_open_due on case_referral (due_on) where state in ('SENT', 'ACKNOWLEDGED');
