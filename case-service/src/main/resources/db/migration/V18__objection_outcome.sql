-- What an objection filed on the public notice page did (issue 20): REINVESTIGATION when it sent the case back to
-- investigation (RECORD_OBJECTION), KEPT when the case had already left the notice (kept with the case for the
-- reviewer, no step). Objections recorded before this column stay null (unknown).
alter table notice_objection add column outcome varchar(20);
