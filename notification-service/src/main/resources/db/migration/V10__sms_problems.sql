-- SMS that went wrong, for the district officer (issue 19): a FAILED, UNDELIVERABLE, EXPIRED or UNKNOWN message
-- may be resent once (a new row linked to it, sent through the normal sending path) or marked handled with a note
-- ("called the resident"). The unique index makes "once" hold even for two resends at the same moment.
alter table sms_message add column resent_from uuid references sms_message (id);
alter table sms_message add column handled_at timestamptz;
alter table sms_message add column handled_by varchar(255);
alter table sms_message add column handled_note varchar(200);
create unique index sms_message_resent_from on sms_message (resent_from) where resent_from is not null;
-- the officer's list: problem messages of a division prefix, newest first
create index sms_message_problems on sms_message (division_code text_pattern_ops, created_at)
    where status in ('FAILED', 'UNDELIVERABLE', 'EXPIRED', 'UNKNOWN');
