-- TRUNCATE fires no row trigger, so the append-only guard missed it. Refuse it too, for every role
-- including the owner: emptying the audit trail now takes a deliberate DROP TRIGGER.
CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();
