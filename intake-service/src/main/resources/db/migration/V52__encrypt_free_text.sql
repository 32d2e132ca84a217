-- Residents' descriptions of their difficulty and hotline operators' notes were kept in clear; both often
-- name illnesses, debts and family members. They move to encrypted columns (FieldCipher), in two steps so
-- nothing stored is lost: from this version on every write goes to the *_enc column, and infra's
-- re-encryption job moves each older row's clear value (emptying the clear column) in batches after start.
-- A later migration drops the clear columns.
alter table application add column description_enc text;
alter table hotline_call add column notes_enc text;
-- ciphertext: no statistics (see V51)
alter table application alter column description_enc set statistics 0;
alter table hotline_call alter column notes_enc set statistics 0;
