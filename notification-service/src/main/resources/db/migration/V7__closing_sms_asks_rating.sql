-- Whether a closing SMS asked the resident for a 1–5 rating: not after a refusal, a withdrawal or an alert
-- (case-service says so in the event). Only a reply to a message that asked is forwarded as a rating.
-- Every closing SMS before this version asked.
alter table sms_message add column asks_rating boolean not null default false;
update sms_message set asks_rating = true where event_type = 'CLOSED';
