ALTER TABLE "tenants" ADD COLUMN "siret" text;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "legal_form" text;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "share_capital" text;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "iban" text;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "bic" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "siren" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "siret" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "einvoice_format" text;--> statement-breakpoint
ALTER TABLE "invoice_items" ADD COLUMN "vat_exemption" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "einvoice_format" text;