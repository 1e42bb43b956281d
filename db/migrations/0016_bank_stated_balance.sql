ALTER TABLE "bank_accounts" ADD COLUMN "stated_balance_cents" bigint;--> statement-breakpoint
ALTER TABLE "bank_accounts" ADD COLUMN "stated_balance_on" date;