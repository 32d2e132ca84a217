-- The W3C trace context (traceparent, tracestate) of the transaction that wrote each outbox event, so
-- its relay's call and the receiver's work join that trace (infra's OutboxTrace). Null for events
-- written outside a trace (tracing off, a scheduled job) and for every event written before this.
-- No personal data: two random ids and flags, and the tracing vendors' state.
alter table outbox_event
    add column trace_parent varchar(55),
    add column trace_state  varchar(512);
