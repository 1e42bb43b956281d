-- Mail arrives for bills+<inbound token>@<domain> before any tenant is known. This one function,
-- running as the owner, answers only "which company owns this token" and nothing else.
CREATE OR REPLACE FUNCTION comptoir_tenant_for_inbound(token uuid) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT id FROM tenants WHERE inbound_token = token $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION comptoir_tenant_for_inbound(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION comptoir_tenant_for_inbound(uuid) TO comptoir_app;
