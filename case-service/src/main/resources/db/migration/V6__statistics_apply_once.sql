-- V5's trigger function wrote the three summary upserts three times, once per kind of write. Here they
-- are written once, in case_stats_add, which takes what changed as grouped deltas; the trigger only
-- groups its transition tables (new rows count +1, old rows -1) and passes them on. Same numbers, same
-- key order of the upserts (two transactions still lock shared summary rows in the same order).

create type case_stats_delta as (
    division_code varchar(12),
    day           date,
    type          varchar(16),
    channel       varchar(16),
    status        varchar(24),
    hours         integer,
    cases         bigint,
    decided       bigint,
    on_time       bigint
);

-- Applies added (+1) and removed (-1) cases to the three summary tables; returns how many summary rows
-- it wrote (0: nothing counted changed). PL/pgSQL rather than SQL: it keeps the statement's plan between
-- calls (PostgreSQL 15 plans a SQL function's statements again at every call, and this runs at every
-- receipt and decision).
create function case_stats_add(added case_stats_delta[], removed case_stats_delta[]) returns bigint
    language plpgsql as $$
declare
    written bigint;
begin
    with c as materialized (
        select division_code, day, type, channel, status, hours, sum(cases) as sign, sum(decided) as decided,
               sum(on_time) as on_time
          from (select * from unnest(added)
                union all
                select division_code, day, type, channel, status, hours, -cases, -decided, -on_time
                  from unnest(removed)) x
         group by 1, 2, 3, 4, 5, 6),
    counted as (
        insert into case_stats as s (grain, period, division_code, type, channel, status, cases, decided,
                                     decided_on_time)
        select p.grain, p.period, c.division_code, c.type, c.channel, c.status,
               sum(c.sign), sum(c.decided), sum(c.on_time)
          from c cross join lateral case_periods(c.day) p
         group by 1, 2, 3, 4, 5, 6
        having sum(c.sign) <> 0 or sum(c.decided) <> 0 or sum(c.on_time) <> 0
         order by 1, 2, 3, 4, 5, 6
        on conflict (grain, period, division_code, type, channel, status) do update
           set cases = s.cases + excluded.cases, decided = s.decided + excluded.decided,
               decided_on_time = s.decided_on_time + excluded.decided_on_time
        returning 1),
    by_day as (
        insert into case_decision_days as d (grain, period, division_code, days, cases)
        select p.grain, p.period, c.division_code, floor(c.hours / 24.0)::integer, sum(c.sign)
          from c cross join lateral case_periods(c.day) p
         where c.hours is not null
         group by 1, 2, 3, 4
        having sum(c.sign) <> 0
         order by 1, 2, 3, 4
        on conflict (grain, period, division_code, days) do update set cases = d.cases + excluded.cases
        returning 1),
    by_hour as (
        insert into case_decision_hours as h (grain, hours, period, division_code, cases)
        select p.grain, c.hours, p.period, c.division_code, sum(c.sign)
          from c cross join lateral case_periods(c.day) p
         where c.hours is not null
         group by 1, 2, 3, 4
        having sum(c.sign) <> 0
         order by 1, 2, 3, 4
        on conflict (grain, hours, period, division_code) do update set cases = h.cases + excluded.cases
        returning 1)
    select (select count(*) from counted) + (select count(*) from by_day) + (select count(*) from by_hour)
      into written;
    return written;
end $$;

-- The same triggers (they name this function), now grouping and passing on. Each trigger only runs the
-- statements of its own transition tables: PL/pgSQL prepares a statement when it first runs it.
create or replace function case_stats_apply() returns trigger language plpgsql as $$
declare
    added   case_stats_delta[];
    removed case_stats_delta[];
    written bigint;
begin
    if tg_op <> 'DELETE' then
        -- grouped by day first: a bulk insert's million rows become a few thousand deltas
        select array_agg(row(d.*)::case_stats_delta) into added
          from (select division_code, case_receipt_day(received_at), type, channel, status,
                       case_hours_to_decision(received_at, decided_at), count(*), count(decided_at),
                       count(*) filter (where decided_on_time)
                  from new_rows
                 group by 1, 2, 3, 4, 5, 6) d;
    end if;
    if tg_op <> 'INSERT' then
        select array_agg(row(d.*)::case_stats_delta) into removed
          from (select division_code, case_receipt_day(received_at), type, channel, status,
                       case_hours_to_decision(received_at, decided_at), count(*), count(decided_at),
                       count(*) filter (where decided_on_time)
                  from old_rows
                 group by 1, 2, 3, 4, 5, 6) d;
    end if;
    written := case_stats_add(added, removed);
    -- inserts leave no group at zero; most updates (a new version, a deadline, an escalation) change
    -- nothing counted here
    if tg_op = 'INSERT' or written = 0 then
        return null;
    end if;

    -- groups that fell to zero are deleted
    delete from case_stats s
     using (select distinct p.grain, p.period, c.division_code, c.type, c.channel, c.status
              from old_rows c cross join lateral case_periods(case_receipt_day(c.received_at)) p) o
     where (s.grain, s.period, s.division_code, s.type, s.channel, s.status)
           = (o.grain, o.period, o.division_code, o.type, o.channel, o.status)
       and s.cases = 0;
    delete from case_decision_days d
     using (select distinct p.grain, p.period, c.division_code,
                   floor(case_hours_to_decision(c.received_at, c.decided_at) / 24.0)::integer as days
              from old_rows c cross join lateral case_periods(case_receipt_day(c.received_at)) p
             where c.decided_at is not null) o
     where (d.grain, d.period, d.division_code, d.days) = (o.grain, o.period, o.division_code, o.days)
       and d.cases = 0;
    delete from case_decision_hours h
     using (select distinct p.grain, case_hours_to_decision(c.received_at, c.decided_at) as hours, p.period,
                   c.division_code
              from old_rows c cross join lateral case_periods(case_receipt_day(c.received_at)) p
             where c.decided_at is not null) o
     where (h.grain, h.hours, h.period, h.division_code) = (o.grain, o.hours, o.period, o.division_code)
       and h.cases = 0;
    return null;
end $$;
