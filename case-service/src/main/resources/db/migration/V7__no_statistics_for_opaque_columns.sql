-- Ciphertext, free text and event payloads are never filtered, joined, grouped or sorted on, so statistics
-- about them help no plan. Computing them was most of the CPU of each ANALYZE that autovacuum runs as
-- rows arrive: for intake's application table 0.35 s of a core per pass, which showed as a stall of
-- submissions under load (bench/analysis.md). A target of 0 skips the column; the others keep theirs.
alter table case_file
    alter column id_number_enc set statistics 0,
    alter column phone_enc set statistics 0,
    alter column description set statistics 0,
    alter column referral_outcome set statistics 0,
    alter column reason set statistics 0;
alter table case_application alter column description set statistics 0;
alter table case_step
    alter column note set statistics 0,
    alter column details set statistics 0;
alter table household_member
    alter column id_number_enc set statistics 0,
    alter column health set statistics 0;
alter table outbox_event
    alter column payload set statistics 0,
    alter column last_error set statistics 0;
