/**
 * Where a record's buttons go on its detail page (approve, pay, send, receive…). Empty for now: the
 * action forms are built apart and fill this slot, so every detail page already has its place for them.
 */
import type { BrowserSession } from '../../tools/auth/sessions.ts';
import type { Lang } from '../../tools/context.ts';

export interface RecordActionsProps {
  /** The register the record belongs to: orders, invoices, bills, suppliers, clients, products, documents, actions. */
  register: string;
  id: string;
  status: string | null;
  lang: Lang;
  browser: BrowserSession;
}

export function RecordActions(_p: RecordActionsProps) {
  return null;
}
