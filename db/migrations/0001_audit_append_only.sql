-- The audit trail is append-only: nobody, not even the owner by mistake, rewrites history.
CREATE OR REPLACE FUNCTION comptoir_refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ai_action_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ai_action_events_append_only
  BEFORE UPDATE OR DELETE ON ai_action_events
  FOR EACH ROW EXECUTE FUNCTION comptoir_refuse_audit_change();
