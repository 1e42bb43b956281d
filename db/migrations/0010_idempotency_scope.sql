DROP INDEX "ai_actions_tenant_idempotency";--> statement-breakpoint
ALTER TABLE "ai_actions" ADD COLUMN "idempotency_scope" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "ai_actions" ADD COLUMN "request_hash" text;--> statement-breakpoint
ALTER TABLE "ai_actions" ADD COLUMN "idempotency_expires_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY "ai_actions_idempotency" ON "ai_actions" USING btree ("tenant_id","idempotency_scope","tool","idempotency_key");