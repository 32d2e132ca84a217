-- Shared by every service (from the infra module): the transactional outbox and the inbox of
-- processed event ids. Events are written in the same transaction as the change they announce.
create table outbox_event (
    id              uuid primary key,
    seq             bigserial not null unique,
    destination     varchar(64)  not null,
    aggregate_id    varchar(64)  not null,
    event_type      varchar(64)  not null,
    payload         jsonb        not null,
    created_at      timestamptz  not null default now(),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null default now(),
    delivered_at    timestamptz,
    failed_at       timestamptz,
    last_error      varchar(500)
);
-- the relay's work list: only undelivered, unparked rows
create index outbox_event_due on outbox_event (next_attempt_at) where delivered_at is null and failed_at is null;
-- per-aggregate ordering check
create index outbox_event_aggregate on outbox_event (destination, aggregate_id, seq) where delivered_at is null and failed_at is null;

create table inbox_event (
    event_id     uuid primary key,
    source       varchar(64) not null,
    processed_at timestamptz not null default now()
);
