-- The operator's desk (issue 18): the outcomes as the desk names them, canned answers the district maintains,
-- follow-ups of complaints and requests for another department (someone must close them), and one draft per
-- operator so a call that drops mid-entry loses nothing.
alter table hotline_call drop constraint if exists hotline_call_outcome_check;
update hotline_call set outcome = 'QUESTION' where outcome = 'INQUIRY';
update hotline_call set outcome = 'OTHER_DEPARTMENT' where outcome = 'REFERRAL';
alter table hotline_call add constraint hotline_call_outcome_check
    check (outcome in ('APPLICATION','QUESTION','STATUS','COMPLAINT','OTHER_DEPARTMENT'));

-- A canned answer read to a caller who only asks a question; kept per division (a district's list serves
-- every township under it). Retired answers stay for the calls that used them.
create table canned_answer (
    id            uuid primary key,
    division_code varchar(12)   not null references division (code),
    title         varchar(100)  not null,
    body          varchar(2000) not null,
    retired       boolean       not null default false,
    updated_by    varchar(100)  not null,
    updated_at    timestamptz   not null
);
create index canned_answer_division on canned_answer (division_code);

alter table hotline_call add column canned_answer_id uuid references canned_answer (id);
-- COMPLAINT and OTHER_DEPARTMENT open a follow-up; closing it records who, when and what was done
alter table hotline_call add column follow_up_open boolean not null default false;
alter table hotline_call add column follow_up_closed_at timestamptz;
alter table hotline_call add column follow_up_closed_by varchar(100);
alter table hotline_call add column follow_up_result_enc varchar(6000);
update hotline_call set follow_up_open = true where outcome in ('COMPLAINT','OTHER_DEPARTMENT');
create index hotline_call_open_follow_ups on hotline_call (division_code) where follow_up_open;
create index hotline_call_operator_day on hotline_call (operator, recorded_at);
-- the desk's key for one call: a repeated save records it once, and a draft sent late for a saved call is ignored
alter table hotline_call add column idempotency_key varchar(100);
create unique index hotline_call_operator_key on hotline_call (operator, idempotency_key) where idempotency_key is not null;

-- The call being typed, per operator (the token's subject), encrypted and bound to its row
create table hotline_draft (
    operator     varchar(100)  primary key,
    id           uuid          not null unique,
    payload_enc  varchar(20000) not null,
    updated_at   timestamptz   not null
);

insert into canned_answer (id, division_code, title, body, updated_by, updated_at) values
 ('5b0c8a52-3f3e-4c77-9d11-0c1a1e000001', '620503', '低保申请条件',
  '家庭人均收入低于当地低保标准、家庭财产符合规定的，可向户籍所在地乡镇（街道）申请低保；也可扫描海报二维码或由热线代为申请。',
  'seed', now()),
 ('5b0c8a52-3f3e-4c77-9d11-0c1a1e000002', '620503', '需要准备的材料',
  '一般需要户口簿、身份证、家庭收入情况说明；乡镇会一次性告知还缺哪些材料。',
  'seed', now()),
 ('5b0c8a52-3f3e-4c77-9d11-0c1a1e000003', '620503', '办理时限',
  '乡镇在3个工作日内决定是否受理；低保一般在受理后30个工作日内作出决定，每一步都会短信告知。',
  'seed', now());
