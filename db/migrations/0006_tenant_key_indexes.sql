-- Indexes for the tenant keys, every foreign key and the hot filters, built without locking writes.
-- Every statement here is CREATE INDEX CONCURRENTLY: db/migrator.ts runs them outside a transaction,
-- after the migration's other statements (none here), each at most once, and builds again an index
-- that an interrupted run left invalid. 0007 then turns each (tenant_id, id) index into the primary key.
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "api_tokens_tenant_key" ON "api_tokens" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "sessions_tenant_key" ON "sessions" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "users_tenant_key" ON "users" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "suppliers_tenant_key" ON "suppliers" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "product_categories_tenant_key" ON "product_categories" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "products_tenant_key" ON "products" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "clients_tenant_key" ON "clients" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "purchase_order_approvals_tenant_key" ON "purchase_order_approvals" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "purchase_order_history_tenant_key" ON "purchase_order_history" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "purchase_order_items_tenant_key" ON "purchase_order_items" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "purchase_orders_tenant_key" ON "purchase_orders" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "purchase_receipts_tenant_key" ON "purchase_receipts" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "invoice_items_tenant_key" ON "invoice_items" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "invoices_tenant_key" ON "invoices" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "payments_tenant_key" ON "payments" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "recurring_invoices_tenant_key" ON "recurring_invoices" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "reminders_tenant_key" ON "reminders" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "documents_tenant_key" ON "documents" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "bill_payments_tenant_key" ON "bill_payments" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "supplier_bill_items_tenant_key" ON "supplier_bill_items" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "supplier_bills_tenant_key" ON "supplier_bills" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "inbound_emails_tenant_key" ON "inbound_emails" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "outbox_emails_tenant_key" ON "outbox_emails" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "bank_accounts_tenant_key" ON "bank_accounts" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "bank_matches_tenant_key" ON "bank_matches" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "bank_transactions_tenant_key" ON "bank_transactions" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "ai_conversations_tenant_key" ON "ai_conversations" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "ai_messages_tenant_key" ON "ai_messages" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "ai_action_events_tenant_key" ON "ai_action_events" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "ai_actions_tenant_key" ON "ai_actions" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "approval_links_tenant_key" ON "approval_links" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "notifications_tenant_key" ON "notifications" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "api_tokens_token_hash" ON "api_tokens" USING btree ("tenant_id","token_hash");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "api_tokens_user" ON "api_tokens" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "sessions_token_hash" ON "sessions" USING btree ("tenant_id","token_hash");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "sessions_user" ON "sessions" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "users_email" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "suppliers_tenant_qst" ON "suppliers" USING btree ("tenant_id","qst_number");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "suppliers_tenant_lower_name" ON "suppliers" USING btree ("tenant_id",lower("name"));--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "product_categories_parent" ON "product_categories" USING btree ("tenant_id","parent_id") WHERE "product_categories"."parent_id" is not null;--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "products_category" ON "products" USING btree ("tenant_id","category_id") WHERE "products"."category_id" is not null;--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "products_supplier" ON "products" USING btree ("tenant_id","supplier_id") WHERE "products"."supplier_id" is not null;--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "products_tenant_lower_name" ON "products" USING btree ("tenant_id",lower("name"));--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "purchase_order_approvals_order" ON "purchase_order_approvals" USING btree ("tenant_id","order_id");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "purchase_order_approvals_approver" ON "purchase_order_approvals" USING btree ("tenant_id","approver_id") WHERE "purchase_order_approvals"."approver_id" is not null;--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "purchase_order_history_order" ON "purchase_order_history" USING btree ("tenant_id","order_id","at");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "purchase_order_history_actor" ON "purchase_order_history" USING btree ("tenant_id","actor_id") WHERE "purchase_order_history"."actor_id" is not null;--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "purchase_order_items_order" ON "purchase_order_items" USING btree ("tenant_id","order_id","position");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "purchase_order_items_product" ON "purchase_order_items" USING btree ("tenant_id","product_id") WHERE "purchase_order_items"."product_id" is not null;--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "purchase_orders_supplier" ON "purchase_orders" USING btree ("tenant_id","supplier_id","created_at");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "purchase_orders_created_by" ON "purchase_orders" USING btree ("tenant_id","created_by") WHERE "purchase_orders"."created_by" is not null;--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "purchase_orders_created" ON "purchase_orders" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "purchase_orders_status" ON "purchase_orders" USING btree ("tenant_id","status","created_at");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "purchase_orders_order_date" ON "purchase_orders" USING btree ("tenant_id","order_date");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "purchase_receipts_order" ON "purchase_receipts" USING btree ("tenant_id","order_id");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "purchase_receipts_received_by" ON "purchase_receipts" USING btree ("tenant_id","received_by") WHERE "purchase_receipts"."received_by" is not null;--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "invoice_items_invoice" ON "invoice_items" USING btree ("tenant_id","invoice_id","position");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "invoice_items_product" ON "invoice_items" USING btree ("tenant_id","product_id") WHERE "invoice_items"."product_id" is not null;--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "invoices_client" ON "invoices" USING btree ("tenant_id","client_id","issue_date");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "invoices_credit_of" ON "invoices" USING btree ("tenant_id","credit_of") WHERE "invoices"."credit_of" is not null;--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "invoices_created_by" ON "invoices" USING btree ("tenant_id","created_by") WHERE "invoices"."created_by" is not null;--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "invoices_issued" ON "invoices" USING btree ("tenant_id","issue_date","number");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "invoices_status" ON "invoices" USING btree ("tenant_id","status","issue_date");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "invoices_open" ON "invoices" USING btree ("tenant_id","due_date") WHERE "invoices"."status" in ('sent', 'viewed', 'partially_paid', 'overdue');--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "payments_invoice" ON "payments" USING btree ("tenant_id","invoice_id");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "payments_received_on" ON "payments" USING btree ("tenant_id","received_on");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "recurring_invoices_client" ON "recurring_invoices" USING btree ("tenant_id","client_id");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "recurring_invoices_due" ON "recurring_invoices" USING btree ("tenant_id","next_on") WHERE "recurring_invoices"."active";--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "documents_created" ON "documents" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "documents_unread" ON "documents" USING btree ("tenant_id","created_at") WHERE "documents"."status" in ('received', 'reading');--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "bill_payments_bill" ON "bill_payments" USING btree ("tenant_id","bill_id");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "bill_payments_paid_by" ON "bill_payments" USING btree ("tenant_id","paid_by") WHERE "bill_payments"."paid_by" is not null;--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "bill_payments_paid_on" ON "bill_payments" USING btree ("tenant_id","paid_on");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "supplier_bill_items_bill" ON "supplier_bill_items" USING btree ("tenant_id","bill_id","position");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "supplier_bills_purchase_order" ON "supplier_bills" USING btree ("tenant_id","purchase_order_id") WHERE "supplier_bills"."purchase_order_id" is not null;--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "supplier_bills_document" ON "supplier_bills" USING btree ("tenant_id","document_id") WHERE "supplier_bills"."document_id" is not null;--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "supplier_bills_approved_by" ON "supplier_bills" USING btree ("tenant_id","approved_by") WHERE "supplier_bills"."approved_by" is not null;--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "supplier_bills_created_by" ON "supplier_bills" USING btree ("tenant_id","created_by") WHERE "supplier_bills"."created_by" is not null;--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "supplier_bills_due" ON "supplier_bills" USING btree ("tenant_id","due_date","number");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "supplier_bills_status" ON "supplier_bills" USING btree ("tenant_id","status","due_date");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "supplier_bills_bill_date" ON "supplier_bills" USING btree ("tenant_id","bill_date");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "supplier_bills_open" ON "supplier_bills" USING btree ("tenant_id","due_date") WHERE "supplier_bills"."status" not in ('paid', 'cancelled');--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "outbox_emails_queued" ON "outbox_emails" USING btree ("tenant_id","created_at") WHERE "outbox_emails"."status" = 'queued';--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "outbox_emails_related" ON "outbox_emails" USING btree ("tenant_id","related_type","related_id") WHERE "outbox_emails"."related_id" is not null;--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "bank_matches_transaction" ON "bank_matches" USING btree ("tenant_id","transaction_id");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "bank_transactions_booked" ON "bank_transactions" USING btree ("tenant_id","booked_on");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "bank_transactions_unmatched" ON "bank_transactions" USING btree ("tenant_id","booked_on") WHERE "bank_transactions"."status" = 'unmatched';--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "ai_conversations_user" ON "ai_conversations" USING btree ("tenant_id","user_id","updated_at");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "ai_conversations_thread" ON "ai_conversations" USING btree ("tenant_id","thread_key") WHERE "ai_conversations"."thread_key" is not null;--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "ai_messages_conversation" ON "ai_messages" USING btree ("tenant_id","conversation_id","created_at");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "ai_action_events_action" ON "ai_action_events" USING btree ("tenant_id","action_id","seq");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "ai_action_events_actor" ON "ai_action_events" USING btree ("tenant_id","actor_id") WHERE "ai_action_events"."actor_id" is not null;--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "ai_actions_actor" ON "ai_actions" USING btree ("tenant_id","actor_id") WHERE "ai_actions"."actor_id" is not null;--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "ai_actions_decided_by" ON "ai_actions" USING btree ("tenant_id","decided_by") WHERE "ai_actions"."decided_by" is not null;--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "ai_actions_undo_of" ON "ai_actions" USING btree ("tenant_id","undo_of") WHERE "ai_actions"."undo_of" is not null;--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "ai_actions_status" ON "ai_actions" USING btree ("tenant_id","status","number");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "ai_actions_pending" ON "ai_actions" USING btree ("tenant_id","expires_at") WHERE "ai_actions"."status" = 'pending_approval';--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "ai_actions_created" ON "ai_actions" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "approval_links_token_hash" ON "approval_links" USING btree ("tenant_id","token_hash");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "approval_links_action" ON "approval_links" USING btree ("tenant_id","action_id");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "approval_links_approver" ON "approval_links" USING btree ("tenant_id","approver_id");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "notifications_user" ON "notifications" USING btree ("tenant_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "notifications_action" ON "notifications" USING btree ("tenant_id","action_id") WHERE "notifications"."action_id" is not null;
