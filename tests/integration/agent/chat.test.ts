import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatTurn, type ChatEvent } from '../../../agent/chat.ts';
import type { DatabaseHandle } from '../../../db/client.ts';
import { aiActions, aiMessages } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { propose } from '../../../tools/actions/door.ts';
import { conversationMessages, listConversations } from '../../../tools/conversations/store.ts';
import { createSupplier } from '../../../tools/purchasing/create-supplier.ts';
import { registry } from '../../../tools/registry.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';
import { answer, callTools, fakeModel, lastToolResult } from '../../support/scripted-model.ts';

let handle: DatabaseHandle;
let company: Awaited<ReturnType<typeof makeCompany>>;
let supplierId: string;

beforeAll(async () => {
  handle = await freshDatabase();
  company = await makeCompany(handle.db, { automationLevel: 'assisted' });
  const admin = company.session('admin');
  for (const name of ['Bureau Plus Inc.', 'Bureau Express', 'Papeterie Laval']) {
    const out = await propose(admin, createSupplier, { name, province: 'QC' }, { source: 'rest', byAi: false });
    if (name === 'Bureau Plus Inc.') supplierId = (out.result as { id: string }).id;
  }
});
afterAll(() => handle?.close());

const actionCount = () =>
  withTenant(
    handle.db,
    company.tenant.id,
    async (tx) => (await tx.select({ id: aiActions.id }).from(aiActions)).length,
  );

describe('the agent', () => {
  it('asks which supplier when two match, and writes nothing', async () => {
    const model = fakeModel()
      .respond(callTools({ name: 'purchasing_find_suppliers', args: { query: 'Bureau' } }))
      .respond((messages) => {
        const { suppliers } = lastToolResult(messages) as { suppliers: { name: string }[] };
        return answer(`Deux fournisseurs correspondent : ${suppliers.map((s) => s.name).join(' ou ')}. Lequel ?`);
      });
    const before = await actionCount();
    const reply = await chatTurn(
      company.session('buyer', 'fr'),
      { model, registry },
      { text: 'Commande 10 chaises chez Bureau' },
    );
    expect(reply.text).toBe('Deux fournisseurs correspondent : Bureau Express ou Bureau Plus Inc.. Lequel ?');
    expect(reply.toolCalls).toEqual([
      expect.objectContaining({ name: 'purchasing_find_suppliers', ok: true, message: '2 fournisseur(s) trouvé(s).' }),
    ]);
    expect(reply.actions).toEqual([]);
    expect(await actionCount()).toBe(before);
  });

  it("reports a viewer's refused write to the model and to the person, and records no action", async () => {
    const seen: ChatEvent[] = [];
    let toolAnswer = '';
    const model = fakeModel()
      .respond(
        callTools({
          name: 'purchasing_create_order',
          args: { supplierId, lines: [{ description: 'Chaise', quantity: '10', unitPrice: '249.00' }] },
        }),
      )
      .respond((messages) => {
        toolAnswer = lastToolResult(messages) as string;
        return answer(`Je n'ai pas pu créer le bon de commande : ${toolAnswer}`);
      });
    const before = await actionCount();
    const reply = await chatTurn(
      company.session('viewer', 'fr'),
      { model, registry },
      { text: 'Commande 10 chaises chez Bureau Plus' },
      (e) => seen.push(e),
    );
    expect(toolAnswer).toBe('Error (forbidden): Un lecteur peut consulter, pas modifier.');
    expect(reply.toolCalls).toEqual([
      expect.objectContaining({
        name: 'purchasing_create_order',
        ok: false,
        errorCode: 'forbidden',
        message: 'Un lecteur peut consulter, pas modifier.',
      }),
    ]);
    expect(seen).toContainEqual({
      type: 'tool_result',
      call: expect.objectContaining({ ok: false, errorCode: 'forbidden' }),
    });
    expect(reply.text).toContain('Un lecteur peut consulter, pas modifier.');
    expect(await actionCount()).toBe(before);
  });

  it('returns bad input to the model as a clear error, and the model recovers', async () => {
    const model = fakeModel()
      .respond(
        callTools({
          name: 'purchasing_create_order',
          args: { supplierId, lines: [{ description: 'Chaise', quantity: '-10', unitPrice: '249.00' }] },
        }),
      )
      .respond(
        callTools({
          name: 'purchasing_create_order',
          args: { supplierId, lines: [{ description: 'Chaise', quantity: '10', unitPrice: '249.00' }] },
        }),
      )
      .respond((messages) => answer((lastToolResult(messages) as { message: string }).message));
    const reply = await chatTurn(
      company.session('buyer', 'en'),
      { model, registry },
      { text: 'Order 10 chairs from Bureau Plus' },
    );
    const [bad, good] = reply.toolCalls;
    expect(bad).toMatchObject({ ok: false, errorCode: 'invalid' });
    expect(bad!.message).toMatch(/^Invalid input for purchasing_create_order: lines\.0\.quantity: /);
    expect(good).toMatchObject({ ok: true, action: { status: 'executed', tool: 'purchasing_create_order' } });
    expect(reply.text).toMatch(
      /^Action #\d+ executed\. Purchase order PO2026-\d{5} \(Bureau Plus Inc\.\): total \$2,862\.88, status draft\.$/,
    );
  });

  it('tells the person plainly when the model itself fails', async () => {
    const model = fakeModel().alwaysThrow(new Error('connect ECONNREFUSED 127.0.0.1:11434'));
    const reply = await chatTurn(
      company.session('buyer', 'en'),
      { model, registry, limits: { backoffMs: 1 } },
      { text: 'hello' },
    );
    // A network failure is worth two more tries before the person is told.
    expect(model.callCount).toBe(3);
    expect(reply.text).toBe(
      'The AI model could not answer (connect ECONNREFUSED 127.0.0.1:11434). Try again, or use a command (/help).',
    );
  });

  it('remembers the conversation: the second turn sees the first question and answer', async () => {
    const model = fakeModel().respond(answer('Bonjour !')).respond(answer('Encore bonjour.'));
    const buyer = company.session('buyer', 'fr');
    const first = await chatTurn(buyer, { model, registry }, { text: 'Salut' });
    await chatTurn(buyer, { model, registry }, { conversationId: first.conversationId, text: 'Tu te souviens ?' });
    const seen = model.calls[1]!.messages.map((m) => `${m.type}:${m.text}`);
    expect(seen.slice(1)).toEqual(['human:Salut', 'ai:Bonjour !', 'human:Tu te souviens ?']);
    expect(seen[0]).toMatch(/^system:Vous êtes Comptoir/);
  });
});

describe('without a model', () => {
  it('says how to configure one, in the person’s language, and stores the exchange', async () => {
    const reply = await chatTurn(company.session('buyer', 'en'), { model: null, registry }, { text: 'Order chairs' });
    expect(reply.answeredBy).toBe('no_model');
    expect(reply.text).toContain('set MISTRAL_API_KEY');
    expect(reply.text).toContain('OPENAI_BASE_URL');
    const fr = await chatTurn(
      company.session('buyer', 'fr'),
      { model: null, registry },
      { text: 'Commande des chaises' },
    );
    expect(fr.text).toMatch(/^Aucun modèle d'IA n'est configuré/);
    const stored = await conversationMessages(company.session('buyer'), reply.conversationId);
    expect(stored.map((m) => [m.role, m.tokensIn])).toEqual([
      ['user', null],
      ['assistant', null],
    ]);
  });

  it('still runs /po as the person: draft, then submission through the door', async () => {
    const reply = await chatTurn(
      company.session('buyer', 'fr'),
      { model: null, registry },
      { text: '/po Bureau Plus Inc.: 10 x Chaise ergonomique @ 249,00' },
    );
    expect(reply.answeredBy).toBe('command');
    expect(reply.toolCalls.map((c) => [c.name, c.ok])).toEqual([
      ['purchasing_find_suppliers', true],
      ['purchasing_create_order', true],
      ['purchasing_submit_order', true],
    ]);
    const [draft, submit] = reply.actions;
    expect(draft).toMatchObject({ status: 'executed', confidence: 1 });
    // A buyer cannot commit money alone: the submission waits for an accountant or above.
    expect(submit).toMatchObject({ status: 'pending_approval', requiredLevel: 1 });
    expect(reply.text.split('\n')[1]).toBe(
      `En attente d'approbation n° ${submit!.number} (niveau 1) : doit être approuvée par un comptable ou plus.`,
    );
    const row = await withTenant(handle.db, company.tenant.id, (tx) =>
      tx.select().from(aiActions).where(eq(aiActions.id, submit!.id)),
    );
    expect(row[0]).toMatchObject({ byAi: false, source: 'chat' });
  });

  it('asks which supplier when /po matches several', async () => {
    const reply = await chatTurn(
      company.session('buyer', 'en'),
      { model: null, registry },
      { text: '/po Bureau: 1 x Chair @ 10.00' },
    );
    expect(reply.text).toBe('Several suppliers match: Bureau Express, Bureau Plus Inc.. Please be more specific.');
    expect(reply.actions).toEqual([]);
  });

  it('approves with /approve as the logged-in person, and refuses a viewer', async () => {
    const queued = await chatTurn(
      company.session('buyer', 'en'),
      { model: null, registry },
      { text: '/po Papeterie Laval: 2 x Papier A4 @ 54.99' },
    );
    const pending = queued.actions[1]!;
    expect(pending.status).toBe('pending_approval');
    const refused = await chatTurn(
      company.session('viewer', 'en'),
      { model: null, registry },
      { text: `/approve ${pending.number}` },
    );
    expect(refused.text).toBe('Your role cannot approve at this level.');
    const done = await chatTurn(
      company.session('accountant', 'en'),
      { model: null, registry },
      { text: `/approve ${pending.number} ok for me` },
    );
    // 2 × 54.99 = 109.98; GST 5.499 → 5.50; QST 10.970505 → 10.97; total 126.45.
    expect(done.text).toMatch(
      new RegExp(`^Action #${pending.number} executed\\. Purchase order PO2026-\\d{5} approved \\(\\$126\\.45\\)\\.$`),
    );
    expect(done.actions[0]).toMatchObject({ id: pending.id, status: 'executed' });
    const again = await chatTurn(
      company.session('manager', 'en'),
      { model: null, registry },
      { text: `/approve ${pending.number}` },
    );
    expect(again.text).toBe(`Action #${pending.number} was already decided (status: executed).`);
  });

  it('answers /help and says which commands are not available yet', async () => {
    const reply = await chatTurn(company.session('buyer', 'en'), { model: null, registry }, { text: '/help' });
    expect(reply.text.split('\n')[0]).toBe('Commands (they work even without an AI model):');
    expect(reply.text).toMatch(/\/reconcile \[account\] — bank reconciliation$/m);
    expect(reply.text).not.toMatch(/\/po .*not available yet/);
    const reconcile = await chatTurn(company.session('buyer', 'fr'), { model: null, registry }, { text: '/reconcile' });
    expect(reconcile.text).toBe('Aucune opération bancaire à rapprocher.');
  });

  it("keeps each person's history to themselves", async () => {
    const mine = await listConversations(company.session('buyer'));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((c) => c.userId === company.user('buyer').id)).toBe(true);
    await expect(conversationMessages(company.session('manager'), mine[0]!.id)).rejects.toMatchObject({
      code: 'not_found',
    });
    const all = await withTenant(handle.db, company.tenant.id, (tx) => tx.select().from(aiMessages));
    expect(all.length).toBeGreaterThan(mine.length);
  });
});
