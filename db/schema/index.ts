/** The whole schema, one module per aggregate. */
export * from './columns.ts';
export * from './tenants.ts';
export * from './users.ts';
export * from './suppliers.ts';
export * from './products.ts';
export * from './clients.ts';
export * from './purchase-orders.ts';
export * from './invoices.ts';
export * from './documents.ts';
export * from './bills.ts';
export * from './email.ts';
export * from './banking.ts';
export * from './conversations.ts';
export * from './actions.ts';
export * from './notifications.ts';
export * from './counters.ts';
