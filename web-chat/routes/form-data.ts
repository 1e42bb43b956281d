/**
 * What the generated forms need from the tools: the records a picker lists (suppliers, clients,
 * products, orders, invoices, bills, read through their find/list tools, never from tables), and the
 * door's refusal as an error beside each field it names, in the reader's language.
 */
import type { z } from 'zod';
import { issueText } from '../../tools/actions/messages.ts';
import type { Session } from '../../tools/context.ts';
import type { AppError } from '../../tools/errors.ts';
import { invoke } from '../../tools/invoke.ts';
import { toolByName } from '../../tools/registry.ts';
import { catalogue } from '../i18n.ts';
import type { Choices, FieldSchema } from '../pages/action-form.tsx';

const PERSON = { source: 'rest', byAi: false } as const;

/** A read tool's output, asked as the person. */
export async function read<T>(session: Session, name: string, input: Record<string, unknown>): Promise<T> {
  const out = await invoke(session, toolByName(name)!, input, PERSON);
  return (out.kind === 'read' ? out.output : null) as T;
}

/** Every reference field's choices, by field name, read through the tools (never a table). */
export async function choicesFor(session: Session, schema: FieldSchema): Promise<Choices> {
  const names = new Set<string>();
  const walk = (s: FieldSchema | undefined) => {
    for (const [name, f] of Object.entries(s?.properties ?? {})) {
      if (f.format === 'uuid') names.add(name);
      walk(f);
      walk(f.items);
    }
  };
  walk(schema);
  const out: Choices = {};
  if (names.has('supplierId')) {
    const { suppliers } = await read<{ suppliers: { id: string; name: string }[] }>(
      session,
      'purchasing_find_suppliers',
      { status: ['active', 'pending'], limit: 100 },
    );
    out.supplierId = suppliers
      .map((s) => ({ value: s.id, label: s.name }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }
  if (names.has('clientId')) {
    const { clients } = await read<{ clients: { id: string; name: string }[] }>(session, 'invoicing_find_clients', {
      limit: 100,
    });
    out.clientId = clients.map((c) => ({ value: c.id, label: c.name })).sort((a, b) => a.label.localeCompare(b.label));
  }
  if (names.has('productId')) {
    const { products } = await read<{ products: { id: string; name: string; sku: string | null }[] }>(
      session,
      'purchasing_find_products',
      { limit: 100 },
    );
    out.productId = products.map((p) => ({ value: p.id, label: p.sku ? `${p.name} (${p.sku})` : p.name }));
  }
  if (names.has('orderId') || names.has('purchaseOrderId')) {
    const { orders } = await read<{
      orders: { id: string; number: string; supplier: { name: string }; status: string }[];
    }>(session, 'purchasing_list_orders', { limit: 200 });
    out.orderId = orders.map((o) => ({ value: o.id, label: `${o.number} · ${o.supplier.name}` }));
    out.purchaseOrderId = out.orderId;
  }
  if (names.has('invoiceId')) {
    const { invoices } = await read<{ invoices: { id: string; number: string; client: { name: string } }[] }>(
      session,
      'invoicing_list_invoices',
      { kind: 'invoice', limit: 200 },
    );
    out.invoiceId = invoices.map((i) => ({ value: i.id, label: `${i.number} · ${i.client.name}` }));
  }
  if (names.has('billId')) {
    const { bills } = await read<{ bills: { id: string; number: string; supplier: { name: string } }[] }>(
      session,
      'bills_list_bills',
      { limit: 200 },
    );
    out.billId = bills.map((b) => ({ value: b.id, label: `${b.number} · ${b.supplier.name}` }));
  }
  return out;
}

/** The door's refusal as errors beside the fields it names, each in the reader's language. */
export function fieldErrors(err: AppError, session: Session, input: unknown): Record<string, string> {
  const issues = (err.details as { issues?: z.core.$ZodIssue[] } | undefined)?.issues ?? [];
  return Object.fromEntries(issues.map((i) => [i.path.join('.'), issueText(i, session.lang, input)]));
}

/** Errors shown beside their fields need no repeating (with the tool's code) above the form. */
export const refusalText = (session: Session, message: string, errors: Record<string, string>) =>
  Object.keys(errors).length ? catalogue[session.lang].formHasErrors : message;
