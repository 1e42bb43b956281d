-- Logging in by email happens before any tenant is known. This one function, running as the owner,
-- answers only "which active companies have a person with this email and a password" (ids and names,
-- no secret); the password is then checked inside each company's own tenant context.
CREATE OR REPLACE FUNCTION comptoir_login_candidates(email text) RETURNS TABLE (tenant_id uuid, tenant_name text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT t.id, t.name FROM users u JOIN tenants t ON t.id = u.tenant_id
    WHERE u.email = lower(trim(comptoir_login_candidates.email)) AND u.active AND u.password_hash IS NOT NULL
    ORDER BY t.name
  $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION comptoir_login_candidates(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION comptoir_login_candidates(text) TO comptoir_app;
