-- This is an empty migration.


-- Hand-written: the audit trail is append-only. No code path of the app, and no one with the app's
-- database role, can change or remove a record; the hash chain (npm run audit:verify) detects
-- anything done around this, e.g. by a superuser with the trigger disabled.
CREATE FUNCTION "audit_record_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditRecord is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "audit_record_no_update_delete"
  BEFORE UPDATE OR DELETE ON "AuditRecord"
  FOR EACH ROW EXECUTE FUNCTION "audit_record_append_only"();

CREATE TRIGGER "audit_record_no_truncate"
  BEFORE TRUNCATE ON "AuditRecord"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_record_append_only"();
