-- A duplicate is linked by ID number alone, which anyone may type in (issue 24): until a reviewer
-- confirms the link, the newcomer's look-up shows only "received" and gets none of the case's status.
-- Links made before this migration are left unconfirmed too: from now on they get no status of the
-- case until a reviewer confirms them (the case's own applicant is unaffected).
alter table case_application add column link_confirmed_at timestamptz;
alter table case_application add column link_confirmed_by varchar(255);
