CREATE INDEX CONCURRENTLY "invoice_disputes_email" ON "invoice_disputes" USING btree ("tenant_id","email_id");--> statement-breakpoint
CREATE INDEX CONCURRENTLY "invoice_disputes_opened_by" ON "invoice_disputes" USING btree ("tenant_id","opened_by");--> statement-breakpoint
CREATE INDEX CONCURRENTLY "invoice_disputes_resolved_by" ON "invoice_disputes" USING btree ("tenant_id","resolved_by");