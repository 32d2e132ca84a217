-- Cases of the same person (by the keyed hash of the ID number) that are not one case:
--  POSSIBLE_DUPLICATE: an application in one township while the person has a case open in another; both
--                      townships see the flag (each case has a row pointing at the other);
--  PREVIOUS_CASE / LATER_CASE: an application after the person's case was decided opens a new case,
--                      linked both ways to the decided one.
create table case_link (
    id             bigserial   primary key,
    case_id        uuid        not null references case_file (id),
    other_case_id  uuid        not null references case_file (id),
    kind           varchar(24) not null check (kind in ('POSSIBLE_DUPLICATE', 'PREVIOUS_CASE', 'LATER_CASE')),
    at             timestamptz not null,
    unique (case_id, other_case_id, kind)
);
create index case_link_case on case_link (case_id, id);
