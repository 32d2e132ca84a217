-- After every migration (a Flyway callback, shared by every service): the services' runtime database user
-- may read and write every table but owns none, so it cannot disable or drop the audit tables' append-only
-- triggers, and on the audit tables and Flyway's history it may only read and insert. The migrations run as
-- the owner (quarkus.flyway.username / QUARKUS_FLYWAY_USERNAME), the service as the runtime user
-- (quarkus.datasource.username), named by the placeholder runtime_role (SFH_DB_RUNTIME_ROLE). 'none': the
-- service runs as the owner (a quick local run), and nothing is granted.
do $$
declare
    runtime text := '${runtime_role}';
    audit text;
begin
    if runtime = 'none' then
        return;
    end if;
    execute format('grant usage on schema public to %I', runtime);
    execute format('grant select, insert, update, delete on all tables in schema public to %I', runtime);
    execute format('grant usage, select, update on all sequences in schema public to %I', runtime);
    foreach audit in array array['audit_log', 'staff_audit', 'flyway_schema_history'] loop
        if to_regclass(audit) is not null then
            execute format('revoke update, delete, truncate on %I from %I', audit, runtime);
        end if;
    end loop;
end $$;
