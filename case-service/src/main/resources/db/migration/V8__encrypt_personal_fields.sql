-- The applicant's name and description, linked applications' descriptions and household members' names,
-- disability, health, work and income were kept in clear. They move to encrypted columns (FieldCipher, the
-- same form as id_number_enc), in two steps so that nothing stored is lost: from this version on every
-- write goes to the *_enc columns, and infra's re-encryption job moves each older row's clear value
-- (emptying the clear column) in batches after start. A later migration drops the clear columns once no
-- deployment has a row left in them (the job logs what it moved; a count of non-null clear values is 0).
alter table case_file
    add column applicant_name_enc  text,
    add column applicant_name_hash varchar(64),
    add column description_enc     text;
create index case_file_name_hash on case_file (applicant_name_hash);
alter table case_application add column description_enc text;
alter table household_member
    add column name_enc           text,
    add column disability_enc     text,
    add column health_enc         text,
    add column work_enc           text,
    add column monthly_income_enc text,
    alter column name drop not null,
    alter column monthly_income_yuan drop not null,
    alter column monthly_income_yuan drop default;

-- ciphertext: no statistics (see V7)
alter table case_file
    alter column applicant_name_enc set statistics 0,
    alter column description_enc set statistics 0;
alter table case_application alter column description_enc set statistics 0;
alter table household_member
    alter column name_enc set statistics 0,
    alter column disability_enc set statistics 0,
    alter column health_enc set statistics 0,
    alter column work_enc set statistics 0,
    alter column monthly_income_enc set statistics 0;
