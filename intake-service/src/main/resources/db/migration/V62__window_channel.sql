-- The township's walk-in window (一门受理) is a channel of its own, beside the QR form, the hotline and
-- monitoring alerts; the clerk recording it is kept in consent_recorded_by (as the hotline operator is).
-- What the counter saw is kept with the application and handed on to case-service: the applicant came
-- in person, the ID card was seen, and which materials were received there (document names only, such as
-- 户口簿; no personal value), so the reviewer's 一次性告知 does not ask for them again.
alter table application drop constraint application_channel_check;
alter table application add constraint application_channel_check
    check (channel in ('QR', 'HOTLINE', 'MONITORING', 'WINDOW'));
alter table application add column counter_in_person boolean;
alter table application add column counter_id_seen boolean;
alter table application add column counter_materials text;
