-- Every key of a tenant table now holds tenant_id (ready to shard by company, see README). Each
-- statement only changes the catalog: the primary keys reuse the unique indexes 0006 built, and the
-- new foreign keys are NOT VALID here (no scan under this migration's locks) and validated by 0008.
-- The locks are short but exclusive: wait at most 10 s for one, rather than queue every query behind.
SET LOCAL lock_timeout = '10s';--> statement-breakpoint
ALTER TABLE "api_tokens" DROP CONSTRAINT "api_tokens_user_id_users_id_fk";--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_user_id_users_id_fk";--> statement-breakpoint
ALTER TABLE "product_categories" DROP CONSTRAINT "product_categories_parent_id_product_categories_id_fk";--> statement-breakpoint
ALTER TABLE "products" DROP CONSTRAINT "products_category_id_product_categories_id_fk";--> statement-breakpoint
ALTER TABLE "products" DROP CONSTRAINT "products_supplier_id_suppliers_id_fk";--> statement-breakpoint
ALTER TABLE "purchase_order_approvals" DROP CONSTRAINT "purchase_order_approvals_order_id_purchase_orders_id_fk";--> statement-breakpoint
ALTER TABLE "purchase_order_approvals" DROP CONSTRAINT "purchase_order_approvals_approver_id_users_id_fk";--> statement-breakpoint
ALTER TABLE "purchase_order_history" DROP CONSTRAINT "purchase_order_history_order_id_purchase_orders_id_fk";--> statement-breakpoint
ALTER TABLE "purchase_order_history" DROP CONSTRAINT "purchase_order_history_actor_id_users_id_fk";--> statement-breakpoint
ALTER TABLE "purchase_order_items" DROP CONSTRAINT "purchase_order_items_order_id_purchase_orders_id_fk";--> statement-breakpoint
ALTER TABLE "purchase_order_items" DROP CONSTRAINT "purchase_order_items_product_id_products_id_fk";--> statement-breakpoint
ALTER TABLE "purchase_orders" DROP CONSTRAINT "purchase_orders_supplier_id_suppliers_id_fk";--> statement-breakpoint
ALTER TABLE "purchase_orders" DROP CONSTRAINT "purchase_orders_created_by_users_id_fk";--> statement-breakpoint
ALTER TABLE "purchase_receipts" DROP CONSTRAINT "purchase_receipts_order_id_purchase_orders_id_fk";--> statement-breakpoint
ALTER TABLE "purchase_receipts" DROP CONSTRAINT "purchase_receipts_received_by_users_id_fk";--> statement-breakpoint
ALTER TABLE "invoice_items" DROP CONSTRAINT "invoice_items_invoice_id_invoices_id_fk";--> statement-breakpoint
ALTER TABLE "invoice_items" DROP CONSTRAINT "invoice_items_product_id_products_id_fk";--> statement-breakpoint
ALTER TABLE "invoices" DROP CONSTRAINT "invoices_credit_of_invoices_id_fk";--> statement-breakpoint
ALTER TABLE "invoices" DROP CONSTRAINT "invoices_client_id_clients_id_fk";--> statement-breakpoint
ALTER TABLE "invoices" DROP CONSTRAINT "invoices_recurring_id_recurring_invoices_id_fk";--> statement-breakpoint
ALTER TABLE "invoices" DROP CONSTRAINT "invoices_created_by_users_id_fk";--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT "payments_invoice_id_invoices_id_fk";--> statement-breakpoint
ALTER TABLE "recurring_invoices" DROP CONSTRAINT "recurring_invoices_client_id_clients_id_fk";--> statement-breakpoint
ALTER TABLE "reminders" DROP CONSTRAINT "reminders_invoice_id_invoices_id_fk";--> statement-breakpoint
ALTER TABLE "bill_payments" DROP CONSTRAINT "bill_payments_bill_id_supplier_bills_id_fk";--> statement-breakpoint
ALTER TABLE "bill_payments" DROP CONSTRAINT "bill_payments_paid_by_users_id_fk";--> statement-breakpoint
ALTER TABLE "supplier_bill_items" DROP CONSTRAINT "supplier_bill_items_bill_id_supplier_bills_id_fk";--> statement-breakpoint
ALTER TABLE "supplier_bills" DROP CONSTRAINT "supplier_bills_supplier_id_suppliers_id_fk";--> statement-breakpoint
ALTER TABLE "supplier_bills" DROP CONSTRAINT "supplier_bills_purchase_order_id_purchase_orders_id_fk";--> statement-breakpoint
ALTER TABLE "supplier_bills" DROP CONSTRAINT "supplier_bills_document_id_documents_id_fk";--> statement-breakpoint
ALTER TABLE "supplier_bills" DROP CONSTRAINT "supplier_bills_approved_by_users_id_fk";--> statement-breakpoint
ALTER TABLE "supplier_bills" DROP CONSTRAINT "supplier_bills_created_by_users_id_fk";--> statement-breakpoint
ALTER TABLE "bank_matches" DROP CONSTRAINT "bank_matches_transaction_id_bank_transactions_id_fk";--> statement-breakpoint
ALTER TABLE "bank_transactions" DROP CONSTRAINT "bank_transactions_account_id_bank_accounts_id_fk";--> statement-breakpoint
ALTER TABLE "ai_conversations" DROP CONSTRAINT "ai_conversations_user_id_users_id_fk";--> statement-breakpoint
ALTER TABLE "ai_messages" DROP CONSTRAINT "ai_messages_conversation_id_ai_conversations_id_fk";--> statement-breakpoint
ALTER TABLE "ai_action_events" DROP CONSTRAINT "ai_action_events_action_id_ai_actions_id_fk";--> statement-breakpoint
ALTER TABLE "ai_action_events" DROP CONSTRAINT "ai_action_events_actor_id_users_id_fk";--> statement-breakpoint
ALTER TABLE "ai_actions" DROP CONSTRAINT "ai_actions_actor_id_users_id_fk";--> statement-breakpoint
ALTER TABLE "ai_actions" DROP CONSTRAINT "ai_actions_decided_by_users_id_fk";--> statement-breakpoint
ALTER TABLE "ai_actions" DROP CONSTRAINT "ai_actions_undo_of_ai_actions_id_fk";--> statement-breakpoint
ALTER TABLE "approval_links" DROP CONSTRAINT "approval_links_action_id_ai_actions_id_fk";--> statement-breakpoint
ALTER TABLE "approval_links" DROP CONSTRAINT "approval_links_approver_id_users_id_fk";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_user_id_users_id_fk";--> statement-breakpoint
ALTER TABLE "api_tokens" DROP CONSTRAINT "api_tokens_token_hash_unique";--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_token_hash_unique";--> statement-breakpoint
ALTER TABLE "approval_links" DROP CONSTRAINT "approval_links_token_hash_unique";--> statement-breakpoint
ALTER TABLE "api_tokens" DROP CONSTRAINT "api_tokens_pkey", ADD CONSTRAINT "api_tokens_pkey" PRIMARY KEY USING INDEX "api_tokens_tenant_key";--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_pkey", ADD CONSTRAINT "sessions_pkey" PRIMARY KEY USING INDEX "sessions_tenant_key";--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_pkey", ADD CONSTRAINT "users_pkey" PRIMARY KEY USING INDEX "users_tenant_key";--> statement-breakpoint
ALTER TABLE "suppliers" DROP CONSTRAINT "suppliers_pkey", ADD CONSTRAINT "suppliers_pkey" PRIMARY KEY USING INDEX "suppliers_tenant_key";--> statement-breakpoint
ALTER TABLE "product_categories" DROP CONSTRAINT "product_categories_pkey", ADD CONSTRAINT "product_categories_pkey" PRIMARY KEY USING INDEX "product_categories_tenant_key";--> statement-breakpoint
ALTER TABLE "products" DROP CONSTRAINT "products_pkey", ADD CONSTRAINT "products_pkey" PRIMARY KEY USING INDEX "products_tenant_key";--> statement-breakpoint
ALTER TABLE "clients" DROP CONSTRAINT "clients_pkey", ADD CONSTRAINT "clients_pkey" PRIMARY KEY USING INDEX "clients_tenant_key";--> statement-breakpoint
ALTER TABLE "purchase_order_approvals" DROP CONSTRAINT "purchase_order_approvals_pkey", ADD CONSTRAINT "purchase_order_approvals_pkey" PRIMARY KEY USING INDEX "purchase_order_approvals_tenant_key";--> statement-breakpoint
ALTER TABLE "purchase_order_history" DROP CONSTRAINT "purchase_order_history_pkey", ADD CONSTRAINT "purchase_order_history_pkey" PRIMARY KEY USING INDEX "purchase_order_history_tenant_key";--> statement-breakpoint
ALTER TABLE "purchase_order_items" DROP CONSTRAINT "purchase_order_items_pkey", ADD CONSTRAINT "purchase_order_items_pkey" PRIMARY KEY USING INDEX "purchase_order_items_tenant_key";--> statement-breakpoint
ALTER TABLE "purchase_orders" DROP CONSTRAINT "purchase_orders_pkey", ADD CONSTRAINT "purchase_orders_pkey" PRIMARY KEY USING INDEX "purchase_orders_tenant_key";--> statement-breakpoint
ALTER TABLE "purchase_receipts" DROP CONSTRAINT "purchase_receipts_pkey", ADD CONSTRAINT "purchase_receipts_pkey" PRIMARY KEY USING INDEX "purchase_receipts_tenant_key";--> statement-breakpoint
ALTER TABLE "invoice_items" DROP CONSTRAINT "invoice_items_pkey", ADD CONSTRAINT "invoice_items_pkey" PRIMARY KEY USING INDEX "invoice_items_tenant_key";--> statement-breakpoint
ALTER TABLE "invoices" DROP CONSTRAINT "invoices_pkey", ADD CONSTRAINT "invoices_pkey" PRIMARY KEY USING INDEX "invoices_tenant_key";--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT "payments_pkey", ADD CONSTRAINT "payments_pkey" PRIMARY KEY USING INDEX "payments_tenant_key";--> statement-breakpoint
ALTER TABLE "recurring_invoices" DROP CONSTRAINT "recurring_invoices_pkey", ADD CONSTRAINT "recurring_invoices_pkey" PRIMARY KEY USING INDEX "recurring_invoices_tenant_key";--> statement-breakpoint
ALTER TABLE "reminders" DROP CONSTRAINT "reminders_pkey", ADD CONSTRAINT "reminders_pkey" PRIMARY KEY USING INDEX "reminders_tenant_key";--> statement-breakpoint
ALTER TABLE "documents" DROP CONSTRAINT "documents_pkey", ADD CONSTRAINT "documents_pkey" PRIMARY KEY USING INDEX "documents_tenant_key";--> statement-breakpoint
ALTER TABLE "bill_payments" DROP CONSTRAINT "bill_payments_pkey", ADD CONSTRAINT "bill_payments_pkey" PRIMARY KEY USING INDEX "bill_payments_tenant_key";--> statement-breakpoint
ALTER TABLE "supplier_bill_items" DROP CONSTRAINT "supplier_bill_items_pkey", ADD CONSTRAINT "supplier_bill_items_pkey" PRIMARY KEY USING INDEX "supplier_bill_items_tenant_key";--> statement-breakpoint
ALTER TABLE "supplier_bills" DROP CONSTRAINT "supplier_bills_pkey", ADD CONSTRAINT "supplier_bills_pkey" PRIMARY KEY USING INDEX "supplier_bills_tenant_key";--> statement-breakpoint
ALTER TABLE "inbound_emails" DROP CONSTRAINT "inbound_emails_pkey", ADD CONSTRAINT "inbound_emails_pkey" PRIMARY KEY USING INDEX "inbound_emails_tenant_key";--> statement-breakpoint
ALTER TABLE "outbox_emails" DROP CONSTRAINT "outbox_emails_pkey", ADD CONSTRAINT "outbox_emails_pkey" PRIMARY KEY USING INDEX "outbox_emails_tenant_key";--> statement-breakpoint
ALTER TABLE "bank_accounts" DROP CONSTRAINT "bank_accounts_pkey", ADD CONSTRAINT "bank_accounts_pkey" PRIMARY KEY USING INDEX "bank_accounts_tenant_key";--> statement-breakpoint
ALTER TABLE "bank_matches" DROP CONSTRAINT "bank_matches_pkey", ADD CONSTRAINT "bank_matches_pkey" PRIMARY KEY USING INDEX "bank_matches_tenant_key";--> statement-breakpoint
ALTER TABLE "bank_transactions" DROP CONSTRAINT "bank_transactions_pkey", ADD CONSTRAINT "bank_transactions_pkey" PRIMARY KEY USING INDEX "bank_transactions_tenant_key";--> statement-breakpoint
ALTER TABLE "ai_conversations" DROP CONSTRAINT "ai_conversations_pkey", ADD CONSTRAINT "ai_conversations_pkey" PRIMARY KEY USING INDEX "ai_conversations_tenant_key";--> statement-breakpoint
ALTER TABLE "ai_messages" DROP CONSTRAINT "ai_messages_pkey", ADD CONSTRAINT "ai_messages_pkey" PRIMARY KEY USING INDEX "ai_messages_tenant_key";--> statement-breakpoint
ALTER TABLE "ai_action_events" DROP CONSTRAINT "ai_action_events_pkey", ADD CONSTRAINT "ai_action_events_pkey" PRIMARY KEY USING INDEX "ai_action_events_tenant_key";--> statement-breakpoint
ALTER TABLE "ai_actions" DROP CONSTRAINT "ai_actions_pkey", ADD CONSTRAINT "ai_actions_pkey" PRIMARY KEY USING INDEX "ai_actions_tenant_key";--> statement-breakpoint
ALTER TABLE "approval_links" DROP CONSTRAINT "approval_links_pkey", ADD CONSTRAINT "approval_links_pkey" PRIMARY KEY USING INDEX "approval_links_tenant_key";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_pkey", ADD CONSTRAINT "notifications_pkey" PRIMARY KEY USING INDEX "notifications_tenant_key";--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "product_categories" ADD CONSTRAINT "product_categories_parent_id_fk" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "public"."product_categories"("tenant_id","id") ON DELETE no action ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_category_id_fk" FOREIGN KEY ("tenant_id","category_id") REFERENCES "public"."product_categories"("tenant_id","id") ON DELETE no action ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_supplier_id_fk" FOREIGN KEY ("tenant_id","supplier_id") REFERENCES "public"."suppliers"("tenant_id","id") ON DELETE no action ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "purchase_order_approvals" ADD CONSTRAINT "purchase_order_approvals_order_id_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."purchase_orders"("tenant_id","id") ON DELETE cascade ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "purchase_order_approvals" ADD CONSTRAINT "purchase_order_approvals_approver_id_fk" FOREIGN KEY ("tenant_id","approver_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "purchase_order_history" ADD CONSTRAINT "purchase_order_history_order_id_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."purchase_orders"("tenant_id","id") ON DELETE cascade ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "purchase_order_history" ADD CONSTRAINT "purchase_order_history_actor_id_fk" FOREIGN KEY ("tenant_id","actor_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "purchase_order_items" ADD CONSTRAINT "purchase_order_items_order_id_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."purchase_orders"("tenant_id","id") ON DELETE cascade ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "purchase_order_items" ADD CONSTRAINT "purchase_order_items_product_id_fk" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."products"("tenant_id","id") ON DELETE no action ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "purchase_orders" ADD CONSTRAINT "purchase_orders_supplier_id_fk" FOREIGN KEY ("tenant_id","supplier_id") REFERENCES "public"."suppliers"("tenant_id","id") ON DELETE no action ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "purchase_orders" ADD CONSTRAINT "purchase_orders_created_by_fk" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "purchase_receipts" ADD CONSTRAINT "purchase_receipts_order_id_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."purchase_orders"("tenant_id","id") ON DELETE cascade ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "purchase_receipts" ADD CONSTRAINT "purchase_receipts_received_by_fk" FOREIGN KEY ("tenant_id","received_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "invoice_items" ADD CONSTRAINT "invoice_items_invoice_id_fk" FOREIGN KEY ("tenant_id","invoice_id") REFERENCES "public"."invoices"("tenant_id","id") ON DELETE cascade ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "invoice_items" ADD CONSTRAINT "invoice_items_product_id_fk" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."products"("tenant_id","id") ON DELETE no action ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_credit_of_fk" FOREIGN KEY ("tenant_id","credit_of") REFERENCES "public"."invoices"("tenant_id","id") ON DELETE no action ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_client_id_fk" FOREIGN KEY ("tenant_id","client_id") REFERENCES "public"."clients"("tenant_id","id") ON DELETE no action ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_recurring_id_fk" FOREIGN KEY ("tenant_id","recurring_id") REFERENCES "public"."recurring_invoices"("tenant_id","id") ON DELETE no action ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_created_by_fk" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_invoice_id_fk" FOREIGN KEY ("tenant_id","invoice_id") REFERENCES "public"."invoices"("tenant_id","id") ON DELETE no action ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "recurring_invoices" ADD CONSTRAINT "recurring_invoices_client_id_fk" FOREIGN KEY ("tenant_id","client_id") REFERENCES "public"."clients"("tenant_id","id") ON DELETE no action ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_invoice_id_fk" FOREIGN KEY ("tenant_id","invoice_id") REFERENCES "public"."invoices"("tenant_id","id") ON DELETE cascade ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "bill_payments" ADD CONSTRAINT "bill_payments_bill_id_fk" FOREIGN KEY ("tenant_id","bill_id") REFERENCES "public"."supplier_bills"("tenant_id","id") ON DELETE cascade ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "bill_payments" ADD CONSTRAINT "bill_payments_paid_by_fk" FOREIGN KEY ("tenant_id","paid_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "supplier_bill_items" ADD CONSTRAINT "supplier_bill_items_bill_id_fk" FOREIGN KEY ("tenant_id","bill_id") REFERENCES "public"."supplier_bills"("tenant_id","id") ON DELETE cascade ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "supplier_bills" ADD CONSTRAINT "supplier_bills_supplier_id_fk" FOREIGN KEY ("tenant_id","supplier_id") REFERENCES "public"."suppliers"("tenant_id","id") ON DELETE no action ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "supplier_bills" ADD CONSTRAINT "supplier_bills_purchase_order_id_fk" FOREIGN KEY ("tenant_id","purchase_order_id") REFERENCES "public"."purchase_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "supplier_bills" ADD CONSTRAINT "supplier_bills_document_id_fk" FOREIGN KEY ("tenant_id","document_id") REFERENCES "public"."documents"("tenant_id","id") ON DELETE no action ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "supplier_bills" ADD CONSTRAINT "supplier_bills_approved_by_fk" FOREIGN KEY ("tenant_id","approved_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "supplier_bills" ADD CONSTRAINT "supplier_bills_created_by_fk" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "bank_matches" ADD CONSTRAINT "bank_matches_transaction_id_fk" FOREIGN KEY ("tenant_id","transaction_id") REFERENCES "public"."bank_transactions"("tenant_id","id") ON DELETE cascade ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "bank_transactions" ADD CONSTRAINT "bank_transactions_account_id_fk" FOREIGN KEY ("tenant_id","account_id") REFERENCES "public"."bank_accounts"("tenant_id","id") ON DELETE cascade ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "ai_conversations" ADD CONSTRAINT "ai_conversations_user_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "ai_messages" ADD CONSTRAINT "ai_messages_conversation_id_fk" FOREIGN KEY ("tenant_id","conversation_id") REFERENCES "public"."ai_conversations"("tenant_id","id") ON DELETE cascade ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "ai_action_events" ADD CONSTRAINT "ai_action_events_action_id_fk" FOREIGN KEY ("tenant_id","action_id") REFERENCES "public"."ai_actions"("tenant_id","id") ON DELETE cascade ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "ai_action_events" ADD CONSTRAINT "ai_action_events_actor_id_fk" FOREIGN KEY ("tenant_id","actor_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "ai_actions" ADD CONSTRAINT "ai_actions_actor_id_fk" FOREIGN KEY ("tenant_id","actor_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "ai_actions" ADD CONSTRAINT "ai_actions_decided_by_fk" FOREIGN KEY ("tenant_id","decided_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "ai_actions" ADD CONSTRAINT "ai_actions_undo_of_fk" FOREIGN KEY ("tenant_id","undo_of") REFERENCES "public"."ai_actions"("tenant_id","id") ON DELETE no action ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "approval_links" ADD CONSTRAINT "approval_links_action_id_fk" FOREIGN KEY ("tenant_id","action_id") REFERENCES "public"."ai_actions"("tenant_id","id") ON DELETE cascade ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "approval_links" ADD CONSTRAINT "approval_links_approver_id_fk" FOREIGN KEY ("tenant_id","approver_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action NOT VALID;
