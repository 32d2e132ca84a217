-- 1,000,000 cases in case-service's schema (bench_cases, migrated by Flyway at the service's start),
-- spread evenly and independently of status over the townships given in :'townships' (a comma-separated
-- list of division codes), with
-- the mix of statuses, types, channels and deadlines a district's queue has after some years: most
-- cases closed, about 5 % open. One COPY-speed INSERT … SELECT from generate_series, then the indexes
-- are used as the service's migrations made them, and ANALYZE gives the planner the real shape.
\set ON_ERROR_STOP on
set synchronous_commit = off;
create temp table bench_towns as
select t.code, t.ord from unnest(string_to_array(:'townships', ',')) with ordinality as t(code, ord);
insert into case_file (id, version, tracking_number, channel, division_code, township_name, village_code, type,
                       status, urgent, difficulty, description, household_size, applicant_name, id_number_enc,
                       id_number_hash, phone_enc, consent_version, received_at, decided_at, decided_on_time,
                       closed_at, next_due_on, next_at_risk_on, status_sequence, updated_at)
select gen_random_uuid(), 0,
       'S' || lpad(to_hex(g), 9, '0'),
       (array['QR', 'QR', 'QR', 'HOTLINE', 'MONITORING'])[1 + g % 5],
       tw.code, '镇' || tw.ord, tw.code || lpad((1 + g % 20)::text, 3, '0'),
       (array['DIBAO', 'DIBAO', 'TEKUN', 'TEMPORARY', 'MEDICAL', 'VERIFICATION', 'UNCLASSIFIED'])[1 + g % 7],
       case when g % 20 = 0 then (array['RECEIVED', 'MATERIALS_REQUESTED', 'INVESTIGATION', 'REVIEW', 'PUBLIC_NOTICE'])[1 + g / 20 % 5]
            else (array['APPROVED', 'REJECTED', 'NOT_ACCEPTED', 'REFERRED', 'WITHDRAWN', 'CLOSED'])[1 + g / 20 % 6] end,
       g % 50 = 0,
       (array['ILLNESS', 'DISABILITY', 'DISASTER', 'SCHOOLING', 'UNEMPLOYMENT', 'ELDERLY_ALONE', 'HOUSING', 'OTHER'])[1 + g % 8],
       '丈夫住院，医药费负担重，家里还有两个孩子上学，收入不够日常开支', 1 + g % 6,
       (array['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴'])[1 + g % 10]
           || (array['小三', '建国', '秀英', '玉兰', '志强', '桂芳', '海燕', '明', '军', '丽'])[1 + g / 10 % 10],
       'k1:' || encode(sha256(('i' || g)::text::bytea) || sha256(('j' || g)::text::bytea), 'base64'),
       encode(sha256(('h' || g)::text::bytea), 'hex'),
       'k1:' || encode(sha256(('p' || g)::text::bytea), 'base64'), '2026-11',
       now() - (g % 1460) * interval '1 day',
       case when g % 20 = 0 then null else now() - (g % 1460) * interval '1 day' + interval '20 days' end,
       case when g % 20 = 0 then null else true end,
       case when g % 20 = 0 then null else now() - (g % 1460) * interval '1 day' + interval '25 days' end,
       -- open cases' next deadlines spread from 5 days overdue to 34 days ahead, at risk from 10 days before
       -- (by g / 20: g % 40 of an open case, g % 20 = 0, is only ever 0 or 20, which made none at risk)
       case when g % 20 = 0 then current_date + ((g / 20) % 40 - 5) else null end,
       case when g % 20 = 0 then current_date + ((g / 20) % 40 - 10) else null end,
       3, now()
  from generate_series(1, 1000000) g
  -- the township by a hash of g, not g % n: with 20 townships, g % 20 also decides open (g % 20 = 0), so
  -- every open case went to the first township and every other township's queue held only closed ones
  join bench_towns tw on tw.ord = 1 + (hashint4(g::int)::bigint & 2147483647) % (select count(*) from bench_towns);
analyze case_file;
