-- The retention job (SmsRetention) erases a finished message's phone past its period: NULL, never '', so the
-- re-encryption job (which looks at every value not under the active key) leaves it alone.
alter table sms_message alter column phone_enc drop not null;
update sms_message set phone_enc = null where phone_enc = '';
