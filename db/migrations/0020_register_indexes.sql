ALTER TABLE "ai_actions" ADD COLUMN "subject_id" text GENERATED ALWAYS AS (coalesce(input ->> 'orderId', input ->> 'invoiceId', input ->> 'billId', result ->> 'id')) STORED;--> statement-breakpoint
CREATE INDEX CONCURRENTLY "reminders_created" ON "reminders" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX CONCURRENTLY "documents_status" ON "documents" USING btree ("tenant_id","status","created_at");--> statement-breakpoint
CREATE INDEX CONCURRENTLY "bank_matches_target" ON "bank_matches" USING btree ("tenant_id","target_id");--> statement-breakpoint
CREATE INDEX CONCURRENTLY "ai_actions_subject" ON "ai_actions" USING btree ("tenant_id","subject_id");