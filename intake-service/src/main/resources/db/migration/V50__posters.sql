-- QR posters (有困难 扫一扫): one record per printed poster, named by a short code that the QR
-- code's URL carries ({public base URL}/h/{code}). Withdrawn posters keep working (the form of
-- their township still opens) but are marked so in the statistics.
create table poster (
    code          varchar(12)  primary key check (code ~ '^[0-9A-Z]{6,12}$'),
    division_code varchar(12)  not null references division (code),
    label         varchar(100) not null,
    created_by    varchar(255) not null,
    created_at    timestamptz  not null default now(),
    active        boolean      not null default true,
    withdrawn_by  varchar(255),
    withdrawn_at  timestamptz,
    version       integer      not null default 0
);
create index poster_division on poster (division_code);

-- Scans per poster per day (Asia/Shanghai): a counter, not a log. Nothing about the person who
-- scanned (no IP, no user agent) is stored. Incremented with an upsert, safe under concurrency.
create table poster_scan_day (
    poster_code varchar(12) not null references poster (code),
    day         date        not null,
    scans       bigint      not null default 0 check (scans >= 0),
    primary key (poster_code, day)
);
