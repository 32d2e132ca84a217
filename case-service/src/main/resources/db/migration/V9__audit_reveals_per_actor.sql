-- The daily reveal limit counts one staff member's REVEAL entries since midnight.
create index audit_log_actor_action on audit_log (actor, action, at);
