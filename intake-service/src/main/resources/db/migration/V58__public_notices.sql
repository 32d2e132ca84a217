-- 公示 published (issue 20): the notices case-service publishes, served on the public pages
-- /notices/{township} and /notices/{township}/{id} until ends_at (by the service's clock) or a withdrawal.
-- Only what a notice may show is stored: the masked name (张*), household size, type and amount.
create table public_notice (
    id              uuid primary key,
    township_code   varchar(12)  not null,
    township_name   varchar(100) not null,
    village_code    varchar(12),
    village_name    varchar(100),
    masked_name     varchar(20)  not null,
    household_size  integer,
    assistance_type varchar(20)  not null,
    amount_yuan     numeric(12, 2),
    published_at    timestamptz  not null,
    ends_at         timestamptz  not null,
    withdrawn_at    timestamptz
);
create index public_notice_township on public_notice (township_code, ends_at) where withdrawn_at is null;
