-- Row-level security evaluates its policy before any condition of the query that is not LEAKPROOF, so
-- such a condition cannot be an index condition for the application role. PostgreSQL ships the equality
-- and ordering of enums without LEAKPROOF, so `status = 'pending_approval'` or `status IN (…)` on an enum
-- column was never an index condition: the status indexes went unused, and every register filtered by
-- status walked the company's whole table (tests/integration/db/query-plans.test.ts found it).
-- These functions compare two enum values' sort positions and raise no error that could reveal a row,
-- so they are safe to mark. Only a superuser may: elsewhere (a managed server) this migration leaves
-- them as they are and says so, and the partial indexes on the hot statuses still serve (see README).
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION pg_catalog.enum_eq(anyenum, anyenum) LEAKPROOF;
    ALTER FUNCTION pg_catalog.enum_ne(anyenum, anyenum) LEAKPROOF;
    ALTER FUNCTION pg_catalog.enum_lt(anyenum, anyenum) LEAKPROOF;
    ALTER FUNCTION pg_catalog.enum_le(anyenum, anyenum) LEAKPROOF;
    ALTER FUNCTION pg_catalog.enum_gt(anyenum, anyenum) LEAKPROOF;
    ALTER FUNCTION pg_catalog.enum_ge(anyenum, anyenum) LEAKPROOF;
  ELSE
    RAISE NOTICE 'Not a superuser: enum comparisons stay non-leakproof, status filters of the application role cannot use the status indexes.';
  END IF;
END $$;
