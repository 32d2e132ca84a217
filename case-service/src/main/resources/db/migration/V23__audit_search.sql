-- The audit search (GET /api/v1/audit): by person and by day, newest first. The division index
-- (audit_log_division) serves the unfiltered trail; these serve a person's entries and a range of days
-- without reading the division's whole trail backwards.
create index audit_log_actor on audit_log (actor, id);
create index audit_log_at on audit_log (at);
