/**
 * Which tools the model is shown on each call, and in which JSON schema. Sending all 57 tools every
 * call cost ≈ 16k tokens before the first word; instead a request is routed to the few tool groups its
 * words point at, and the model can add any other group with agent_load_tools, so nothing is out of
 * reach. The person's role filters first: a viewer's agent is never offered a write it could not ask for.
 */
import { z } from 'zod';
import { roleRefusal } from '../tools/actions/policy.ts';
import type { Role } from '../tools/context.ts';
import type { AnyTool } from '../tools/define.ts';

/** An OpenAI-style function definition, as bindTools accepts it for every provider we use. */
export interface ToolDefinition {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

/** The tool that adds groups; its name cannot clash with the registry's `area_verb` names. */
export const LOAD_TOOLS = 'agent_load_tools';

/**
 * Tool groups: an area, or part of a large one, with the words (fr/en, lower case, accents removed)
 * that point at it. A tool may sit in several groups (finding a supplier serves orders and bills).
 */
export const GROUPS: Record<string, { about: string; words: string[]; tools: string[] }> = {
  orders: {
    about: 'purchase orders: draft, submit, send, confirm, receive, cancel, list',
    words: [
      'commande',
      'commander',
      'order',
      'bon de',
      ' po',
      'po20',
      'achat',
      'buy',
      'purchase',
      'acheter',
      'recu',
      'receive',
      'livr',
      'deliver',
    ],
    tools: [
      'purchasing_find_suppliers',
      'purchasing_find_products',
      'purchasing_create_order',
      'purchasing_get_order',
      'purchasing_list_orders',
      'purchasing_submit_order',
      'purchasing_send_order',
      'purchasing_confirm_order',
      'purchasing_receive_items',
      'purchasing_cancel_order',
      'purchasing_complete_order',
    ],
  },
  suppliers: {
    about: 'suppliers and purchase categories: find, create, update',
    words: ['fournisseur', 'supplier', 'vendor', 'categor'],
    tools: [
      'purchasing_find_suppliers',
      'purchasing_create_supplier',
      'purchasing_update_supplier',
      'purchasing_list_categories',
      'purchasing_create_category',
    ],
  },
  products: {
    about: 'products and their prices: find, create, update',
    words: ['produit', 'product', 'article', 'item', 'prix', 'price', 'catalog'],
    tools: ['purchasing_find_products', 'purchasing_create_product', 'purchasing_update_product'],
  },
  bills: {
    about: 'supplier bills: record, read, approve, pay',
    words: ['facture fournisseur', 'bill', 'payer', 'pay ', 'paie', 'regler', 'a payer', 'payable', 'fournisseur'],
    tools: [
      'purchasing_find_suppliers',
      'bills_record_supplier_bill',
      'bills_get_bill',
      'bills_list_bills',
      'bills_approve_bill',
      'bills_pay_bill',
    ],
  },
  invoices: {
    about: 'invoices to clients: create, edit drafts, send, payments received, credit notes, recurring',
    words: ['factur', 'invoice', 'client', 'customer', 'avoir', 'credit note', 'recurr', 'paiement recu', 'payment'],
    tools: [
      'invoicing_find_clients',
      'invoicing_create_invoice',
      'invoicing_update_draft',
      'invoicing_get_invoice',
      'invoicing_list_invoices',
      'invoicing_get_invoice_pdf',
      'invoicing_get_einvoice',
      'invoicing_send_invoice',
      'invoicing_mark_viewed',
      'invoicing_record_payment',
      'invoicing_cancel_invoice',
      'invoicing_create_credit_note',
      'invoicing_create_recurring',
      'invoicing_list_recurring',
      'invoicing_stop_recurring',
    ],
  },
  clients: {
    about: 'clients: find, create, update',
    words: ['client', 'customer'],
    tools: ['invoicing_find_clients', 'invoicing_create_client', 'invoicing_update_client'],
  },
  reminders: {
    about: 'overdue invoices, payment reminders, client disputes, statements of account',
    words: [
      'relance',
      'rappel',
      'remind',
      'overdue',
      'en retard',
      'late',
      'impaye',
      'unpaid',
      'dunning',
      'echu',
      'litige',
      'conteste',
      'dispute',
      'releve de compte',
      'statement of account',
    ],
    tools: [
      'reminders_list_due',
      'reminders_list_reminders',
      'reminders_send_reminder',
      'reminders_mark_disputed',
      'reminders_resolve_dispute',
      'reminders_list_disputes',
      'reminders_statement_of_account',
      'invoicing_list_invoices',
      'invoicing_get_invoice',
    ],
  },
  banking: {
    about: 'bank statements and reconciliation',
    words: ['banque', 'bank', 'releve', 'statement', 'rapproch', 'reconcil', 'transaction', 'virement', 'transfer'],
    tools: [
      'banking_import_statement',
      'banking_suggest_matches',
      'banking_reconcile_transaction',
      'banking_ignore_transaction',
      'banking_list_reconciliation',
      'banking_confirm_match',
      'banking_reject_match',
      'banking_list_accounts',
      'banking_preview_statement',
    ],
  },
  analytics: {
    about: 'spend, receivables aging, cash-flow forecast, supplier performance, AI dashboard',
    words: [
      'depense',
      'spend',
      'aging',
      'anciennete',
      'tresorerie',
      'cash',
      'prevision',
      'forecast',
      'performance',
      'combien',
      'how much',
      'total',
      'dashboard',
      'tableau de bord',
    ],
    tools: [
      'analytics_spend',
      'analytics_ar_aging',
      'analytics_cash_flow_forecast',
      'analytics_supplier_performance',
      'analytics_ai_dashboard',
    ],
  },
  exports: {
    about: 'CSV and QuickBooks journal exports',
    words: ['export', 'csv', 'quickbooks', 'journal', 'comptable'],
    tools: ['exports_csv', 'exports_quickbooks_journal'],
  },
  actions: {
    about: 'the actions the AI proposed and the approval queue (read only: people approve)',
    words: [' action', 'approb', 'approv', 'attente', 'pending', 'queue', 'valid', 'refus', 'reject'],
    tools: ['actions_list', 'actions_get', 'actions_preview'],
  },
  records: {
    about:
      'documents received, and any record’s history and linked records (PO, receipts, bills, payments, bank lines)',
    words: ['document', 'fichier', 'file', 'pdf', 'historique', 'history', 'lie', 'linked', 'trace', 'trail', 'audit'],
    tools: ['documents_list_documents', 'records_get_trail'],
  },
  settings: {
    about: 'company settings and users',
    words: [
      'parametre',
      'setting',
      'reglage',
      'utilisateur',
      'user',
      'role',
      'automati',
      'seuil',
      'threshold',
      'limit',
      'taux de change',
      'exchange rate',
    ],
    tools: [
      'settings_get',
      'settings_update',
      'settings_update_company',
      'settings_set_exchange_rate',
      'settings_list_users',
      'settings_update_user',
      'settings_update_reminder_schedule',
      'settings_invite_user',
    ],
  },
};

const fold = (text: string) => ` ${text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()} `;

/** The groups a request's words point at, in GROUPS order. */
export function groupsFor(text: string): string[] {
  const folded = fold(text);
  return Object.entries(GROUPS)
    .filter(([, g]) => g.words.some((w) => folded.includes(w)))
    .map(([name]) => name);
}

/** The tools this role may use: reads, and the writes the door would not refuse outright. */
export function toolsForRole(registry: readonly AnyTool[], role: Role): AnyTool[] {
  return registry.filter((t) => t.kind === 'read' || roleRefusal(role, t) === null);
}

/** The model may say how sure it is: one bounded evidence factor, never the score itself (see the door). */
const confidenceProperty = {
  type: 'number',
  minimum: 0,
  maximum: 1,
  description: 'How sure you are that this is what the person asked for, 0 to 1.',
};

const definitions = new WeakMap<AnyTool, ToolDefinition>();

/**
 * The registry's own input schema (io "input", as GET /api/tools shows it: a field with a default is
 * optional), plus the optional confidence on writes.
 */
export function definitionOf(tool: AnyTool): ToolDefinition {
  const known = definitions.get(tool);
  if (known) return known;
  const { $schema: _drop, ...parameters } = z.toJSONSchema(tool.input, { io: 'input' }) as Record<string, unknown>;
  const properties = parameters.properties as Record<string, unknown> | undefined;
  if (tool.kind === 'write' && properties && !('confidence' in properties))
    parameters.properties = { ...properties, confidence: confidenceProperty };
  const note =
    tool.kind === 'write'
      ? ' (Write: goes through the approval policy; the answer says whether it executed or awaits approval.)'
      : '';
  const def: ToolDefinition = {
    type: 'function',
    function: { name: tool.name, description: `${tool.description}${note}`, parameters },
  };
  definitions.set(tool, def);
  return def;
}

export function loadToolsDefinition(groups: readonly string[]): ToolDefinition {
  return {
    type: 'function',
    function: {
      name: LOAD_TOOLS,
      description:
        'Add the tools of one or more groups to your next step, when the tools you have do not cover the request. ' +
        `Groups: ${groups.map((g) => `${g} (${GROUPS[g]!.about})`).join('; ')}.`,
      parameters: {
        type: 'object',
        properties: { groups: { type: 'array', items: { type: 'string', enum: [...groups] }, minItems: 1 } },
        required: ['groups'],
        additionalProperties: false,
      },
    },
  };
}

/** Tokens a definition costs, estimated like memory.ts does (four characters a token). */
export const definitionTokens = (defs: readonly ToolDefinition[]) => Math.ceil(JSON.stringify(defs).length / 4);

/**
 * The tools of one turn: starts from the groups the request points at, grows when the model loads a
 * group, and always keeps a tool it already used. Tools outside GROUPS (a new registry tool not yet
 * grouped) are offered from the start, so a tool is never unreachable.
 */
export class TurnToolset {
  private readonly allowed: Map<string, AnyTool>;
  private readonly active = new Set<string>();
  readonly groups: string[] = [];

  constructor(registry: readonly AnyTool[], role: Role, routeText: string) {
    this.allowed = new Map(toolsForRole(registry, role).map((t) => [t.name, t]));
    const grouped = new Set(Object.values(GROUPS).flatMap((g) => g.tools));
    for (const name of this.allowed.keys()) if (!grouped.has(name)) this.active.add(name);
    this.load(groupsFor(routeText));
  }

  /** Groups whose tools this role may use at least one of. */
  get loadable(): string[] {
    return Object.keys(GROUPS).filter((g) => GROUPS[g]!.tools.some((t) => this.allowed.has(t)));
  }

  /** Adds groups; returns the names of the tools added. */
  load(groups: readonly string[]): string[] {
    const added: string[] = [];
    for (const g of groups) {
      if (!GROUPS[g] || this.groups.includes(g)) continue;
      this.groups.push(g);
      for (const name of GROUPS[g]!.tools)
        if (this.allowed.has(name) && !this.active.has(name)) {
          this.active.add(name);
          added.push(name);
        }
    }
    return added;
  }

  /** A tool the model may call now: offered, or allowed to the role (a call by name outside the list still works). */
  tool(name: string): AnyTool | undefined {
    return this.allowed.get(name);
  }

  has(name: string): boolean {
    return this.active.has(name);
  }

  definitions(): ToolDefinition[] {
    const defs = [...this.active].map((name) => definitionOf(this.allowed.get(name)!));
    const rest = this.loadable.filter((g) => !this.groups.includes(g));
    return rest.length ? [...defs, loadToolsDefinition(rest)] : defs;
  }
}
