-- Sampling checks (抽查): a district officer draws a random share of a township's decided cases (APPROVED or
-- REJECTED, decided within a period) per assistance type and records each drawn case's check. The seed of the
-- draw is kept, so the same population and seed draw the same cases again.
create table sampling (
    id            uuid         primary key,
    division_code varchar(12)  not null,
    township_name varchar(100),
    period_from   date         not null,
    period_to     date         not null check (period_to >= period_from),
    seed          bigint       not null,
    drawn_by      varchar(255) not null,
    drawn_at      timestamptz  not null
);
create index sampling_division on sampling (division_code text_pattern_ops, drawn_at desc);

-- per type: how many decided cases there were, the share configured then, how many were drawn
create table sampling_stratum (
    sampling_id uuid         not null references sampling (id),
    case_type   varchar(16)  not null,
    population  integer      not null check (population > 0),
    share       numeric(4,3) not null check (share > 0 and share <= 1),
    drawn       integer      not null check (drawn between 1 and population),
    primary key (sampling_id, case_type)
);

create table sampled_case (
    id          uuid         primary key,
    sampling_id uuid         not null references sampling (id),
    case_id     uuid         not null references case_file (id),
    case_type   varchar(16)  not null,
    decision    varchar(16)  not null check (decision in ('APPROVED', 'REJECTED')),
    decided_at  timestamptz  not null,
    outcome     varchar(16)  check (outcome in ('CONFIRMED', 'PROBLEM_FOUND')),
    -- the checker's note (up to 500 characters; may speak of the household), encrypted and bound to the row
    note_enc    text,
    checked_by  varchar(255),
    checked_at  timestamptz,
    version     integer      not null default 0,
    unique (sampling_id, case_id),
    check ((outcome is null) = (checked_at is null))
);
create index sampled_case_case on sampled_case (case_id);

-- the draw's search: a township's decided cases by decision time
create index case_file_decided on case_file (division_code, decided_at) where status in ('APPROVED', 'REJECTED');
