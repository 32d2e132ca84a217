-- The household of a case (家庭成员、收入、财产) and the local dibao standard it is set against.
alter table case_file add column area varchar(8);

create table household_member (
    id                  bigserial primary key,
    case_id             uuid         not null references case_file (id),
    relation            varchar(32)  not null,
    name                varchar(100) not null,
    id_number_enc       varchar(400),
    id_number_hash      varchar(64),
    age                 integer,
    disability          varchar(32),
    health              varchar(200),
    work                varchar(200),
    monthly_income_yuan numeric(12, 2) not null default 0
);
create index household_member_case on household_member (case_id);

create table household_asset (
    id          bigserial primary key,
    case_id     uuid          not null references case_file (id),
    kind        varchar(32)   not null,
    description varchar(200),
    value_yuan  numeric(14, 2) not null
);
create index household_asset_case on household_asset (case_id);

-- 低保标准: monthly yuan per person, per county, urban or rural, and year (set by an admin)
create table dibao_standard (
    county_code  varchar(6)    not null,
    area         varchar(8)    not null check (area in ('URBAN', 'RURAL')),
    year         integer       not null,
    monthly_yuan numeric(10, 2) not null,
    primary key (county_code, area, year)
);

-- satisfaction replies (MO SMS after a case closes), from notification-service
alter table case_file add column satisfaction_rating integer check (satisfaction_rating between 1 and 5);
alter table case_file add column satisfaction_at timestamptz;
