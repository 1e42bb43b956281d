CREATE TABLE "invoice_disputes" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"source" text NOT NULL,
	"reason" text NOT NULL,
	"email_id" uuid,
	"opened_by" uuid,
	"opened_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"resolution" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoice_disputes_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "invoice_disputes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "overdue_alerts" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"threshold" integer NOT NULL,
	"alerted_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "overdue_alerts_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "overdue_alerts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tenants" ALTER COLUMN "reminder_schedule" SET DEFAULT '[15,30,45]'::jsonb;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "reminder_tones" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "invoice_disputes" ADD CONSTRAINT "invoice_disputes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_disputes" ADD CONSTRAINT "invoice_disputes_invoice_id_fk" FOREIGN KEY ("tenant_id","invoice_id") REFERENCES "public"."invoices"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_disputes" ADD CONSTRAINT "invoice_disputes_email_id_fk" FOREIGN KEY ("tenant_id","email_id") REFERENCES "public"."inbound_emails"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_disputes" ADD CONSTRAINT "invoice_disputes_opened_by_fk" FOREIGN KEY ("tenant_id","opened_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_disputes" ADD CONSTRAINT "invoice_disputes_resolved_by_fk" FOREIGN KEY ("tenant_id","resolved_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overdue_alerts" ADD CONSTRAINT "overdue_alerts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overdue_alerts" ADD CONSTRAINT "overdue_alerts_invoice_id_fk" FOREIGN KEY ("tenant_id","invoice_id") REFERENCES "public"."invoices"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_disputes_open" ON "invoice_disputes" USING btree ("tenant_id","invoice_id") WHERE "invoice_disputes"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX CONCURRENTLY "invoice_disputes_invoice" ON "invoice_disputes" USING btree ("tenant_id","invoice_id","opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "overdue_alerts_invoice" ON "overdue_alerts" USING btree ("tenant_id","invoice_id","threshold");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "invoice_disputes" AS PERMISSIVE FOR ALL TO "comptoir_app" USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "overdue_alerts" AS PERMISSIVE FOR ALL TO "comptoir_app" USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
-- No company could change its schedule before this migration: the old default is the asked-for one now.
UPDATE "tenants" SET "reminder_schedule" = '[15,30,45]'::jsonb WHERE "reminder_schedule" = '[-3,1,7,14,30]'::jsonb;
