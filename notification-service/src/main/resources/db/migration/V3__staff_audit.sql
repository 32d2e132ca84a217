-- Append-only trail of staff reads of personal data (infra's StaffAudit): application reads, searches by
-- phone, imports, message lists. Never personal data in clear: the subject is an id, a tracking number or
-- a keyed hash. The trigger refuses UPDATE, DELETE and TRUNCATE, whoever asks.
create table staff_audit (
    id            bigserial primary key,
    at            timestamptz  not null,
    actor         varchar(255) not null,
    roles         varchar(255),
    action        varchar(32)  not null,
    subject       varchar(100),
    division_code varchar(12),
    detail        varchar(1000)
);
create index staff_audit_actor on staff_audit (actor, id);
create index staff_audit_division on staff_audit (division_code text_pattern_ops, id);

create function staff_audit_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'staff_audit is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger staff_audit_no_update before update or delete on staff_audit
    for each row execute function staff_audit_append_only();
create trigger staff_audit_no_truncate before truncate on staff_audit
    for each statement execute function staff_audit_append_only();
revoke update, delete, truncate on staff_audit from public;
