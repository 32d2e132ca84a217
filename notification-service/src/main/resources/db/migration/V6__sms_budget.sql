-- The daily SMS budget (issue 24, SMS pumping): how many resident-originated SMS (RECEIVED, caused by
-- whoever types a number into the public form) were let through per day (China time), for the whole
-- deployment ('deployment') and per number prefix ('prefix:' + an HMAC of the first digits, never the digits).
create table sms_budget (
    bucket varchar(80) not null,
    day    date        not null,
    used   integer     not null,
    primary key (bucket, day)
);
