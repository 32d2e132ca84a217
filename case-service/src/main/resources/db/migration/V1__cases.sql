-- case-service: cases, the applications linked to them, their history, deadlines and the audit log.

-- One township file per person's request. ID number and phone are encrypted (FieldCipher); the
-- keyed hash of the ID number finds the person's open case for duplicate linking.
create table case_file (
    id                 uuid primary key,
    version            bigint       not null default 0,
    tracking_number    varchar(16)  not null,
    channel            varchar(16)  not null,
    division_code      varchar(12)  not null,
    township_name      varchar(100),
    village_code       varchar(12),
    village_name       varchar(100),
    hotline            varchar(40),
    type               varchar(16)  not null,
    status             varchar(24)  not null,
    urgent             boolean      not null default false,
    difficulty         varchar(32),
    description        varchar(2000),
    household_size     integer,
    applicant_name     varchar(200),
    id_number_enc      varchar(400),
    id_number_hash     varchar(64),
    phone_enc          varchar(400),
    alert_source       varchar(100),
    alert_reason       varchar(100),
    alert_date         date,
    consent_version    varchar(20),
    received_at        timestamptz  not null,
    decided_at         timestamptz,
    decided_on_time    boolean,
    closed_at          timestamptz,
    notice_ends_at     timestamptz,
    extended           boolean      not null default false,
    emergency_aid_at   timestamptz,
    department         varchar(100),
    referral_outcome   varchar(2000),
    amount_yuan        numeric(12, 2),
    reason             varchar(2000),
    next_due_on        date,
    next_at_risk_on    date,
    escalated_at       timestamptz,
    status_sequence    integer      not null default 0,
    updated_at         timestamptz  not null default now()
);
-- scoping is a prefix match on the division code: text_pattern_ops makes LIKE '620503114%' indexable
create index case_file_division on case_file (division_code text_pattern_ops);
create index case_file_queue on case_file (division_code text_pattern_ops, next_due_on);
create index case_file_status on case_file (status);
create index case_file_person_open on case_file (id_number_hash) where closed_at is null;
create unique index case_file_tracking on case_file (tracking_number);
create index case_file_stats on case_file (division_code text_pattern_ops, type, channel, status);

-- Every application received, the one that opened the case and the duplicates linked to it.
-- The primary key makes delivery idempotent by application id.
create table case_application (
    application_id  uuid primary key,
    case_id         uuid        not null references case_file (id),
    tracking_number varchar(16) not null,
    channel         varchar(16) not null,
    duplicate       boolean     not null,
    description     varchar(2000),
    received_at     timestamptz not null
);
create index case_application_case on case_application (case_id);

-- The recorded transitions: who, when, what, why.
create table case_step (
    id          bigserial primary key,
    case_id     uuid         not null references case_file (id),
    action      varchar(32)  not null,
    from_status varchar(24),
    to_status   varchar(24)  not null,
    actor       varchar(255) not null,
    at          timestamptz  not null default now(),
    note        varchar(2000),
    details     varchar(4000)
);
create index case_step_case on case_step (case_id, id);

-- The statutory clocks of a case. Due dates are working days on the calendar, except the notice.
create table case_deadline (
    id              bigserial primary key,
    case_id         uuid        not null references case_file (id),
    kind            varchar(24) not null,
    started_on      date        not null,
    due_on          date        not null,
    working_days    integer     not null,
    paused_on       date,
    remaining_days  integer,
    stopped_on      date,
    met             boolean,
    unique (case_id, kind)
);
create index case_deadline_open on case_deadline (due_on) where stopped_on is null and paused_on is null;

-- Append-only audit trail: every staff read of a case, every reveal, every action.
create table audit_log (
    id            bigserial primary key,
    at            timestamptz  not null default now(),
    actor         varchar(255) not null,
    roles         varchar(255),
    action        varchar(32)  not null,
    case_id       uuid,
    division_code varchar(12),
    detail        varchar(1000)
);
create index audit_log_case on audit_log (case_id, id);
create index audit_log_division on audit_log (division_code text_pattern_ops, id);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only();
revoke update, delete, truncate on audit_log from public;

-- The working-day calendar: only the exceptions (holidays on weekdays, make-up working days).
create table calendar_day (
    day   date primary key,
    kind  varchar(8)   not null check (kind in ('holiday', 'workday')),
    name  varchar(100) not null
);
