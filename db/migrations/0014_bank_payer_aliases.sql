CREATE TABLE "bank_payer_aliases" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"payer" text NOT NULL,
	"party_id" uuid NOT NULL,
	"confirmed" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bank_payer_aliases_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "bank_payer_aliases" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "bank_fee_tolerance_cents" bigint DEFAULT 2500 NOT NULL;--> statement-breakpoint
ALTER TABLE "bank_payer_aliases" ADD CONSTRAINT "bank_payer_aliases_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bank_payer_aliases_pair" ON "bank_payer_aliases" USING btree ("tenant_id","direction","payer","party_id");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "bank_payer_aliases" AS PERMISSIVE FOR ALL TO "comptoir_app" USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);