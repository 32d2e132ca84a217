-- 入户调查 and 家庭经济状况核对: the investigation record of a case (COMPLETE_INVESTIGATION requires one, and
-- none of its investigators may approve or reject the case: four eyes), its investigators, and its attachments
-- (photos, scanned signed forms). Incomes, assets, findings, notes, file names and contents are personal data,
-- encrypted by FieldCipher (text, "<keyId>:2:<base64>", bound to table, column and row); the investigators are
-- staff, in clear. A new record after an objection is added beside the old ones: the history stays.
create table investigation_record (
    id                  bigserial primary key,
    case_id             uuid         not null references case_file (id),
    visit_date          date         not null,
    household_confirmed boolean      not null,
    household_members   integer      not null,
    household_note_enc  text,
    wage_income_enc     text         not null,
    business_income_enc text         not null,
    property_income_enc text         not null,
    transfer_income_enc text         not null,
    assets_enc          text,
    findings_enc        text         not null,
    recorded_by         varchar(100) not null,
    recorded_at         timestamptz  not null
);
create index investigation_record_case on investigation_record (case_id, id);

create table investigation_investigator (
    id        bigserial primary key,
    record_id bigint       not null references investigation_record (id) on delete cascade,
    case_id   uuid         not null references case_file (id),
    user_id   varchar(100) not null,
    name      varchar(100) not null,
    unique (record_id, user_id)
);
create index investigation_investigator_case on investigation_investigator (case_id);

create table investigation_attachment (
    id            uuid primary key,
    case_id       uuid         not null references case_file (id),
    media_type    varchar(40)  not null check (media_type in ('image/jpeg', 'image/png', 'application/pdf')),
    size_bytes    integer      not null check (size_bytes > 0),
    file_name_enc text,
    content_enc   text         not null,
    uploaded_by   varchar(100) not null,
    uploaded_at   timestamptz  not null
);
create index investigation_attachment_case on investigation_attachment (case_id, uploaded_at);

-- ciphertext: no statistics (see V7)
alter table investigation_record
    alter column household_note_enc set statistics 0,
    alter column wage_income_enc set statistics 0,
    alter column business_income_enc set statistics 0,
    alter column property_income_enc set statistics 0,
    alter column transfer_income_enc set statistics 0,
    alter column assets_enc set statistics 0,
    alter column findings_enc set statistics 0;
alter table investigation_attachment
    alter column file_name_enc set statistics 0,
    alter column content_enc set statistics 0;
