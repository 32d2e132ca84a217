-- What PostgreSQL sees for one public submission (POST /api/v1/applications) in intake-service,
-- statement for statement (see ApplicationResource, RateLimiter and ApplicationService):
--   1. the per-address rate-limit counter, alone in auto-commit;
--   2. the submission's transaction: the Idempotency-Key claimed, the per-phone counter, the
--      application row with encrypted fields ("k1:" + base64 of IV+text+tag) and the outbox event.
--      The township comes from intake's second-level cache, so PostgreSQL sees no look-up of it (the
--      sub-select below only picks one for the row); the relay is woken inside the process, not by
--      NOTIFY.
-- Buckets are distinct per submission, as with distinct client addresses and phones in a surge.
-- Run by bench/run with pgbench -n -M prepared -c <clients> against bench_intake (schema by Flyway).
\set g random(1, 2000000000)
\set t random(0, :ntownships - 1)
insert into rate_limit_counter (bucket, window_start, hits)
     values ('submit_per_address:' || left(encode(sha256(('a' || :g || :client_id)::bytea), 'hex'), 40), date_trunc('hour', now()), 1)
on conflict (bucket, window_start) do update set hits = rate_limit_counter.hits + 1 returning hits;
BEGIN;
insert into idempotency_record (channel, idempotency_key, request_hash, application_id, tracking_number)
     values ('QR', 'bench-' || :client_id || '-' || :g || '-' || md5(random()::text), encode(sha256(('r' || :g)::bytea), 'hex'),
             gen_random_uuid(), upper(left(md5(random()::text || clock_timestamp()::text), 11)))
on conflict do nothing;
insert into rate_limit_counter (bucket, window_start, hits)
     values ('submit_per_phone:' || left(encode(sha256(('p' || :g || :client_id)::bytea), 'hex'), 40), date_trunc('day', now()), 1)
on conflict (bucket, window_start) do update set hits = rate_limit_counter.hits + 1 returning hits;
insert into application (id, tracking_number, channel, division_code, village_code, applicant_name, id_number,
                         id_number_hash, phone, phone_hash, cipher_key_id, difficulty, description, household_size,
                         urgent, poster_code, consent_version, consent_recorded_by, case_type, alert_source,
                         alert_reason, alert_date, submitted_at, status, status_sequence, status_updated_at,
                         next_deadline, case_id)
select gen_random_uuid(), upper(left(md5(random()::text || clock_timestamp()::text), 11)), 'QR',
       (select code from division where level in ('township', 'subdistrict') order by code offset :t limit 1), null,
       'k1:' || encode(sha256(('n' || :g)::bytea) || '\x0011223344556677'::bytea, 'base64'),
       'k1:' || encode(sha256(('i' || :g)::bytea) || sha256(('j' || :g)::bytea), 'base64'),
       encode(sha256(('h' || :g)::bytea), 'hex'),
       'k1:' || encode(sha256(('p' || :g)::bytea) || '\x00112233445566778899aabb'::bytea, 'base64'),
       encode(sha256(('q' || :g)::bytea), 'hex'), 'k1', 'ILLNESS',
       '丈夫住院，医药费负担重，家里还有两个孩子上学，收入不够日常开支', 3, false, null, '2026-11', null, null, null,
       null, null, now(), 'RECEIVED', 0, now(), null, null;
insert into outbox_event (id, destination, aggregate_id, event_type, payload)
     values (gen_random_uuid(), 'case-service', gen_random_uuid()::text, 'ApplicationSubmitted',
             cast('{"applicationId":"' || gen_random_uuid() || '"}' as jsonb));
COMMIT;
