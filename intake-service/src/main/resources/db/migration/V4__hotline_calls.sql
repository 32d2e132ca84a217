-- Every hotline call, whether or not it became an application. The caller's number is encrypted
-- with a look-up hash, like the applicant's.
create table hotline_call (
    id               uuid primary key,
    caller_phone     varchar(200) not null,
    caller_phone_hash varchar(64) not null,
    division_code    varchar(12)  not null references division (code),
    operator         varchar(100) not null,
    started_at       timestamptz  not null,
    duration_seconds integer      not null check (duration_seconds between 0 and 86400),
    notes            varchar(2000),
    outcome          varchar(16)  not null check (outcome in ('APPLICATION','INQUIRY','COMPLAINT','REFERRAL')),
    application_id   uuid references application (id),
    recorded_at      timestamptz  not null default now()
);
create index hotline_call_phone on hotline_call (caller_phone_hash);
