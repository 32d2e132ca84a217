-- Statistical division codes (统计用区划代码): province 62, city 6205, county 620503,
-- township 620503114, village = township + 3 digits. Loaded from reference/divisions-*.csv by V2.
create table division (
    code        varchar(12)  primary key check (code ~ '^[0-9]{2,12}$'),
    name        varchar(100) not null,
    level       varchar(16)  not null check (level in ('province','city','county','subdistrict','township','zone','village')),
    parent_code varchar(12)  references division (code),
    -- public assistance hotlines of this division (district and township offices), e.g. 0938-2731234
    hotlines    varchar(32)[] not null default '{}',
    active      boolean      not null default true,
    updated_at  timestamptz  not null default now(),
    version     integer      not null default 0
);
create index division_parent on division (parent_code);
