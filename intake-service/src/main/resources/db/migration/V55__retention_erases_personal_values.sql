-- The retention job (IntakeRetention) erases the personal values of applications and hotline calls past their
-- period: those columns may now be null. Erased means null, never '', so the re-encryption job skips them.
alter table application
    alter column applicant_name drop not null,
    alter column id_number drop not null,
    alter column id_number_hash drop not null;
alter table hotline_call
    alter column caller_phone drop not null,
    alter column caller_phone_hash drop not null;
