ALTER TABLE "tenants" ADD COLUMN "time_zone" text DEFAULT 'America/Toronto' NOT NULL;--> statement-breakpoint
UPDATE "tenants" SET "time_zone" = CASE
  WHEN "country" = 'FR' THEN 'Europe/Paris'
  WHEN "country" <> 'CA' THEN 'UTC'
  WHEN "province" = 'BC' THEN 'America/Vancouver'
  WHEN "province" = 'AB' THEN 'America/Edmonton'
  WHEN "province" = 'SK' THEN 'America/Regina'
  WHEN "province" = 'MB' THEN 'America/Winnipeg'
  WHEN "province" = 'NB' THEN 'America/Moncton'
  WHEN "province" IN ('NS', 'PE') THEN 'America/Halifax'
  WHEN "province" = 'NL' THEN 'America/St_Johns'
  WHEN "province" = 'YT' THEN 'America/Whitehorse'
  WHEN "province" = 'NT' THEN 'America/Yellowknife'
  WHEN "province" = 'NU' THEN 'America/Iqaluit'
  ELSE 'America/Toronto' END;
