-- The township's walk-in window (一门受理, channel WINDOW): what the counter saw, per application as
-- intake delivers it: the clerk who recorded it, whether the applicant came in person and showed the ID
-- card, and the materials received there (document names, one a line; no personal value). The case page
-- shows them and the 一次性告知 checklist leaves them out. Null for every other channel.
alter table case_application add column recorded_by varchar(255);
alter table case_application add column counter_in_person boolean;
alter table case_application add column counter_id_seen boolean;
alter table case_application add column counter_materials text;
