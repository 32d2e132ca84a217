-- One row per case event the resident should hear about: unique by event id, so a repeated event
-- can never create a second SMS. The sender moves it PENDING → SUBMITTING → SENT → DELIVERED (or
-- UNDELIVERABLE / EXPIRED from the receipt; FAILED when permanent or given up; UNKNOWN when the
-- outcome of a submit cannot be known and a second try was already spent).
create table sms_message (
    id               uuid primary key,
    event_id         uuid         not null unique,
    event_type       varchar(32)  not null,
    case_id          varchar(64)  not null,
    tracking_number  varchar(32)  not null,
    division_code    varchar(12)  not null,
    phone_enc        varchar(255) not null,
    phone_hash       varchar(64)  not null,
    body             varchar(1000) not null,
    parts            integer      not null,
    urgent           boolean      not null,
    status           varchar(16)  not null,
    attempts         integer      not null default 0,
    parts_sent       integer      not null default 0,
    in_doubt         integer      not null default 0,
    udh_reference    integer      not null,
    next_attempt_at  timestamptz  not null,
    give_up_at       timestamptz  not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    sent_at          timestamptz,
    receipt_at       timestamptz,
    receipt_state    varchar(16),
    last_error       varchar(200),
    occurred_at      timestamptz
);
create index sms_message_due on sms_message (next_attempt_at) where status = 'PENDING';
create index sms_message_submitting on sms_message (updated_at) where status = 'SUBMITTING';
create index sms_message_tracking on sms_message (tracking_number);
create index sms_message_phone on sms_message (phone_hash, created_at);

-- The SMSC's message id of every submitted part, to match delivery receipts.
create table sms_segment (
    smsc_message_id  varchar(65)  primary key,
    message_id       uuid         not null references sms_message (id),
    part_no          integer      not null,
    submitted_at     timestamptz  not null
);
create index sms_segment_message on sms_segment (message_id);

-- Receipts as they arrive; kept apart from segments because a receipt may overtake the bookkeeping
-- of its submit_sm_resp (the SMSC can report before we stored the id).
create table sms_receipt (
    smsc_message_id  varchar(65)  primary key,
    state            varchar(16)  not null,
    error_code       varchar(8),
    received_at      timestamptz  not null
);

-- Messages from residents (MO). The text is encrypted: a resident may write anything.
create table sms_reply (
    id               uuid primary key,
    phone_hash       varchar(64)  not null,
    case_id          varchar(64),
    tracking_number  varchar(32),
    division_code    varchar(12),
    text_enc         varchar(2000) not null,
    rating           integer,
    forwarded        boolean      not null default false,
    received_at      timestamptz  not null
);
create index sms_reply_case on sms_reply (case_id);
