-- 公示 published (issue 20): a case under public notice has a notice id, the only handle the public page and
-- an objection filed there carry (never the case id). Objections from the page are kept here, the objector's
-- name and contact and the text encrypted (FieldCipher, CaseEncryptedColumns).
alter table case_file add column notice_id uuid;
create unique index case_file_notice_id on case_file (notice_id) where notice_id is not null;

create table notice_objection (
    id uuid primary key,
    case_id uuid not null references case_file (id),
    notice_id uuid not null,
    received_at timestamptz not null,
    recorded_at timestamptz not null,
    name_enc text,
    contact_enc text,
    text_enc text not null,
    source varchar(100) not null
);
create index notice_objection_case on notice_objection (case_id);
