-- Applications from every channel. Personal fields are AES-GCM ciphertext ("<keyId>:<base64>", see
-- FieldCipher) with an HMAC look-up hash beside them; cipher_key_id says which key wrote the row.
create table application (
    id                 uuid primary key,
    tracking_number    varchar(11)  not null unique,
    channel            varchar(16)  not null check (channel in ('QR','HOTLINE','MONITORING')),
    division_code      varchar(12)  not null references division (code),
    village_code       varchar(12)  references division (code),
    applicant_name     varchar(400) not null,
    id_number          varchar(200) not null,
    id_number_hash     varchar(64)   not null,
    phone              varchar(200),
    phone_hash         varchar(64),
    cipher_key_id      varchar(32)  not null,
    difficulty         varchar(24)  not null,
    description        varchar(1000),
    household_size     integer check (household_size between 1 and 99),
    urgent             boolean      not null default false,
    poster_code        varchar(32),
    consent_version    varchar(32)  not null,
    consent_recorded_by varchar(100),
    case_type          varchar(24),
    alert_source       varchar(100),
    alert_reason       varchar(32),
    alert_date         date,
    submitted_at       timestamptz  not null,
    -- the resident's view, reported by case-service (highest sequence wins)
    status             varchar(24)  not null default 'RECEIVED',
    status_sequence    bigint       not null default 0,
    status_updated_at  timestamptz  not null,
    next_deadline      date,
    case_id            varchar(64)
);
create index application_phone on application (phone_hash);
create index application_person on application (id_number_hash);
create index application_division on application (division_code);

-- Idempotency-Key → the answer given, written in the same transaction as the application.
create table idempotency_record (
    channel         varchar(16)  not null,
    idempotency_key varchar(100) not null,
    request_hash    varchar(64)   not null,
    application_id  uuid         not null,
    tracking_number varchar(11)  not null,
    created_at      timestamptz  not null default now(),
    primary key (channel, idempotency_key)
);

-- Fixed-window counters shared by every replica; the key is an HMAC of the address or phone.
create table rate_limit_counter (
    bucket       varchar(100) not null,
    window_start timestamptz  not null,
    hits         integer      not null,
    primary key (bucket, window_start)
);
