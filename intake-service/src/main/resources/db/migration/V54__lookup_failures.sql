-- Failed status look-ups per tracking number and day (China time): after sfh.lookup.max-failures-per-day
-- wrong answers a tracking number is locked until midnight, whichever address the guesses come from.
-- The key is an HMAC of the tracking number; rows older than two days are purged by LookupAttempts.
create table lookup_failure (
    tracking_hash varchar(64) not null,
    day           date        not null,
    failures      integer     not null,
    primary key (tracking_hash, day)
);
