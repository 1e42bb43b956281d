import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatTurn } from '../../../agent/chat.ts';
import type { DatabaseHandle } from '../../../db/client.ts';
import { aiActions, aiMessages, purchaseOrders, tenants } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { propose } from '../../../tools/actions/door.ts';
import type { AutomationLevel } from '../../../tools/actions/policy.ts';
import { createSupplier } from '../../../tools/purchasing/create-supplier.ts';
import { registry } from '../../../tools/registry.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';
import { answer, callTools, fakeModel, lastToolResult } from '../../support/scripted-model.ts';

let handle: DatabaseHandle;
let company: Awaited<ReturnType<typeof makeCompany>>;
let bureauPlusId: string;

beforeAll(async () => {
  handle = await freshDatabase();
  company = await makeCompany(handle.db);
  const admin = company.session('admin');
  for (const name of ['Bureau Plus Inc.', 'Papeterie Laval']) {
    const out = await propose(admin, createSupplier, { name, province: 'QC' }, { source: 'rest', byAi: false });
    if (name.startsWith('Bureau')) bureauPlusId = (out.result as { id: string }).id;
  }
});
afterAll(() => handle?.close());

const setLevel = (level: AutomationLevel) =>
  withTenant(handle.db, company.tenant.id, (tx) =>
    tx.update(tenants).set({ automationLevel: level }).where(eq(tenants.id, company.tenant.id)),
  );

/**
 * The model a person would hope for on "Commande 10 chaises chez Bureau Plus": search the supplier,
 * draft the order with the id it found, submit it if the draft exists, then say what happened,
 * repeating the door's own words.
 */
function orderingModel() {
  return fakeModel()
    .respond(callTools({ name: 'purchasing_find_suppliers', args: { query: 'Bureau Plus' } }))
    .respond((messages) => {
      const found = lastToolResult(messages) as { suppliers: { id: string; name: string }[] };
      return callTools({
        name: 'purchasing_create_order',
        args: {
          supplierId: found.suppliers[0]!.id,
          lines: [{ description: 'Chaise ergonomique', quantity: '10', unitPrice: '249.00' }],
          confidence: 1,
        },
      });
    })
    .respond((messages) => {
      const draft = lastToolResult(messages) as {
        action: { status: string };
        result: { id: string } | null;
        message: string;
      };
      if (draft.action.status !== 'executed') return answer(draft.message);
      return callTools({ name: 'purchasing_submit_order', args: { orderId: draft.result!.id, confidence: 1 } });
    })
    .respond((messages) => answer((lastToolResult(messages) as { message: string }).message));
}

// 10 × 249.00 = 2 490.00 delivered in Québec: GST 5 % = 124.50, QST 9.975 % = 248.3775 → 248.38.
const EXPECTED_ORDER = { subtotal: '2490.00', tax: '372.88', total: '2862.88' };

describe('"Commande 10 chaises chez Bureau Plus" for a manager, at each automation level', () => {
  const cases: {
    level: AutomationLevel;
    draft: { status: string; reasons: string[] };
    submit: { status: string; reasons: string[]; level: number } | null;
    orderStatus: string | null;
    reply: RegExp;
  }[] = [
    {
      level: 'manual',
      draft: { status: 'pending_approval', reasons: ['manual_level'] },
      submit: null,
      orderStatus: null,
      reply: /^En attente d'approbation n° \d+ \(niveau 1\) : doit être approuvée par un acheteur ou plus\.$/,
    },
    {
      level: 'assisted',
      draft: { status: 'executed', reasons: ['draft_allowed'] },
      submit: { status: 'pending_approval', reasons: ['assisted_needs_approval'], level: 1 },
      orderStatus: 'draft',
      reply: /^En attente d'approbation n° \d+ \(niveau 1\) : doit être approuvée par un comptable ou plus\.$/,
    },
    {
      level: 'supervised',
      draft: { status: 'executed', reasons: ['draft_allowed'] },
      submit: { status: 'pending_approval', reasons: ['below_confidence_threshold', 'above_ai_limit'], level: 1 },
      orderStatus: 'draft',
      reply: /^En attente d'approbation n° \d+ \(niveau 1\)/,
    },
    {
      level: 'full',
      draft: { status: 'executed', reasons: ['draft_allowed'] },
      submit: { status: 'executed', reasons: ['confident_within_limits'], level: 0 },
      orderStatus: 'approved',
      reply: /^Action n° \d+ exécutée\. Bon de commande PO2026-\d{5} approuvé \(2\s862,88\s\$\)\.$/,
    },
  ];

  for (const c of cases) {
    it(`${c.level}: drafts with the right supplier, items and taxes; the submission is ${c.submit?.status ?? 'not attempted'}`, async () => {
      await setLevel(c.level);
      const manager = company.session('manager', 'fr');
      const reply = await chatTurn(
        manager,
        { model: orderingModel(), registry },
        { text: 'Commande 10 chaises chez Bureau Plus' },
      );

      expect(reply.answeredBy).toBe('agent');
      expect(reply.toolCalls.map((t) => t.name)).toEqual([
        'purchasing_find_suppliers',
        'purchasing_create_order',
        ...(c.submit ? ['purchasing_submit_order'] : []),
      ]);
      expect(reply.text).toMatch(c.reply);

      const rows = await withTenant(handle.db, company.tenant.id, (tx) => tx.select().from(aiActions));
      const draft = rows.find((r) => r.id === reply.actions[0]!.id)!;
      expect(draft).toMatchObject({
        tool: 'purchasing_create_order',
        source: 'chat',
        byAi: true,
        status: c.draft.status,
        actorId: company.user('manager').id,
      });
      expect((draft.decision as { reasons: string[] }).reasons).toEqual(c.draft.reasons);
      expect(draft.input).toEqual({
        supplierId: bureauPlusId,
        lines: [{ description: 'Chaise ergonomique', quantity: '10', unitPrice: '249.00', treatment: 'taxable' }],
      });
      expect(draft.amountCents).toBe(286288n);
      expect(draft.rationale).toBe('Commande 10 chaises chez Bureau Plus');
      // Supplier found by id (+0.2) and the model sure of itself (+0.1) on a neutral 0.5.
      expect(draft.confidence).toBe(0.8);
      if (c.draft.status === 'executed')
        expect(draft.result).toMatchObject({
          supplier: { id: bureauPlusId, name: 'Bureau Plus Inc.' },
          status: 'draft',
          ...EXPECTED_ORDER,
        });

      if (c.submit) {
        const submit = rows.find((r) => r.id === reply.actions[1]!.id)!;
        expect(submit).toMatchObject({
          tool: 'purchasing_submit_order',
          status: c.submit.status,
          requiredLevel: c.submit.level,
          amountCents: 286288n,
          confidence: 0.6,
        });
        expect((submit.decision as { reasons: string[] }).reasons).toEqual(c.submit.reasons);
        const orderId = (draft.result as { id: string }).id;
        const [order] = await withTenant(handle.db, company.tenant.id, (tx) =>
          tx.select().from(purchaseOrders).where(eq(purchaseOrders.id, orderId)),
        );
        expect(order!.status).toBe(c.orderStatus);
      }
    });
  }

  it('stores the question and the answer with tool calls, action ids, tokens and latency', async () => {
    await setLevel('assisted');
    const manager = company.session('manager', 'fr');
    const reply = await chatTurn(
      manager,
      { model: orderingModel(), registry },
      { text: 'Commande 10 chaises chez Bureau Plus' },
    );
    const messages = await withTenant(handle.db, company.tenant.id, (tx) =>
      tx.select().from(aiMessages).where(eq(aiMessages.conversationId, reply.conversationId)),
    );
    expect(messages.map((m) => m.role).sort()).toEqual(['assistant', 'user']);
    const stored = messages.find((m) => m.role === 'assistant')!;
    expect(stored.actionIds).toEqual(reply.actions.map((a) => a.id));
    expect(stored.actionIds).toHaveLength(2);
    expect((stored.toolCalls as { name: string }[]).map((t) => t.name)).toEqual([
      'purchasing_find_suppliers',
      'purchasing_create_order',
      'purchasing_submit_order',
    ]);
    // Only the final answer carried usage in this script: 120 in, 30 out.
    expect([stored.tokensIn, stored.tokensOut]).toEqual([120, 30]);
    expect(stored.latencyMs).toBeGreaterThanOrEqual(0);
  });
});
