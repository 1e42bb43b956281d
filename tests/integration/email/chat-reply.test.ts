/** Email as chat: a request by email gets the agent's answer as a reply in the same thread, in the writer's language. */
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { aiActionEvents, aiActions, aiConversations, outboxEmails, suppliers } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { answerEmail, languageOf, requestText } from '../../../email/chat-reply.ts';
import { registry } from '../../../tools/registry.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';
import { answer, callTools, fakeModel } from '../../support/scripted-model.ts';

let handle: DatabaseHandle;
let company: Awaited<ReturnType<typeof makeCompany>>;
const now = () => new Date('2026-03-02T15:00:00Z');

beforeAll(async () => {
  handle = await freshDatabase();
  company = await makeCompany(handle.db, { automationLevel: 'supervised' }, now);
});
afterAll(() => handle?.close());

const outbox = () => withTenant(handle.db, company.tenant.id, (tx) => tx.select().from(outboxEmails));

describe('email as chat', () => {
  it('answers a French request in French, in the same thread, reporting the action the agent proposed through the door', async () => {
    const model = fakeModel()
      .respond(callTools({ name: 'purchasing_create_supplier', args: { name: 'Acme Québec' } }))
      .respond(answer('J’ai demandé la création du fournisseur Acme Québec.'));
    const result = await answerEmail(
      handle.db,
      { model, registry },
      {
        tenantId: company.tenant.id,
        userId: company.user('manager').id,
        from: company.user('manager').email,
        subject: 'Nouveau fournisseur',
        text: 'Bonjour, créez le fournisseur Acme Québec pour nous, merci.\n\n-- \nMarc',
        messageId: '<m1@client.example>',
        references: [],
      },
      now,
    );
    expect(result).toMatchObject({
      answered: true,
      lang: 'fr',
      text: 'J’ai demandé la création du fournisseur Acme Québec.',
    });
    // An AI write with no evidence scores 0.5, under the supervised threshold: it waits for a person.
    const created = await withTenant(handle.db, company.tenant.id, (tx) =>
      tx.select().from(suppliers).where(eq(suppliers.name, 'Acme Québec')),
    );
    expect(created).toHaveLength(0);
    const [proposal] = await withTenant(handle.db, company.tenant.id, (tx) =>
      tx.select().from(aiActions).where(eq(aiActions.tool, 'purchasing_create_supplier')),
    );
    expect(proposal).toMatchObject({
      source: 'email',
      byAi: true,
      status: 'pending_approval',
      actorId: company.user('manager').id,
    });
    const [reply] = (await outbox()).filter((m) => m.inReplyTo === '<m1@client.example>');
    expect(reply).toMatchObject({
      to: company.user('manager').email,
      subject: 'Re: Nouveau fournisseur',
      status: 'queued',
    });
    expect(reply!.text).toContain('J’ai demandé la création du fournisseur Acme Québec.');
    expect(reply!.text).toMatch(/Actions :\n- En attente d'approbation n° \d+ \(niveau 1\)/);
    const [conversation] = await withTenant(handle.db, company.tenant.id, (tx) =>
      tx.select().from(aiConversations).where(eq(aiConversations.threadKey, '<m1@client.example>')),
    );
    expect(conversation).toMatchObject({ channel: 'email', userId: company.user('manager').id });
  });

  it('continues the conversation when the person replies in the thread, and answers in English when they write English', async () => {
    const model = fakeModel().respond(answer('It is waiting for approval by a buyer or above.'));
    const result = await answerEmail(
      handle.db,
      { model, registry },
      {
        tenantId: company.tenant.id,
        userId: company.user('manager').id,
        from: company.user('manager').email,
        subject: 'Re: Nouveau fournisseur',
        text: 'Thanks! Is it created yet?\n\n> J’ai demandé la création du fournisseur Acme Québec.',
        messageId: '<m2@client.example>',
        references: ['<m1@client.example>'],
      },
      now,
    );
    expect(result).toMatchObject({ answered: true, lang: 'en' });
    const conversations = await withTenant(handle.db, company.tenant.id, (tx) =>
      tx.select().from(aiConversations).where(eq(aiConversations.threadKey, '<m1@client.example>')),
    );
    expect(conversations).toHaveLength(1);
    if (result.answered) expect(result.conversationId).toBe(conversations[0]!.id);
    const [reply] = (await outbox()).filter((m) => m.inReplyTo === '<m2@client.example>');
    expect(reply!.subject).toBe('Re: Nouveau fournisseur');
  });

  it('records slash commands sent by email, and their decisions, with source email', async () => {
    await withTenant(handle.db, company.tenant.id, (tx) =>
      tx.insert(suppliers).values({ tenantId: company.tenant.id, name: 'Bureau Courriel', currency: 'CAD' }),
    );
    const mail = (text: string, messageId: string) =>
      answerEmail(
        handle.db,
        { model: null, registry },
        {
          tenantId: company.tenant.id,
          userId: company.user('buyer').id,
          from: company.user('buyer').email,
          subject: 'Commande',
          text,
          messageId,
          references: [],
        },
        now,
      );
    await mail('/po Bureau Courriel: 2 x Papier A4 @ 54.99', '<m4@client.example>');
    const ordered = await withTenant(handle.db, company.tenant.id, (tx) =>
      tx
        .select()
        .from(aiActions)
        .where(eq(aiActions.actorId, company.user('buyer').id)),
    );
    expect(ordered.map((a) => [a.tool, a.source, a.byAi])).toEqual([
      ['purchasing_create_order', 'email', false],
      ['purchasing_submit_order', 'email', false],
    ]);
    const submitted = ordered.find((a) => a.tool === 'purchasing_submit_order')!;
    expect(submitted.status).toBe('pending_approval');

    const approved = await answerEmail(
      handle.db,
      { model: null, registry },
      {
        tenantId: company.tenant.id,
        userId: company.user('manager').id,
        from: company.user('manager').email,
        subject: 'Approbation',
        text: `/approve ${submitted.number}`,
        messageId: '<m5@client.example>',
        references: [],
      },
      now,
    );
    expect(approved).toMatchObject({ answered: true, text: expect.stringContaining(`${submitted.number}`) });
    const events = await withTenant(handle.db, company.tenant.id, (tx) =>
      tx
        .select()
        .from(aiActionEvents)
        .where(eq(aiActionEvents.actionId, submitted.id))
        .orderBy(asc(aiActionEvents.seq)),
    );
    expect(events.map((e) => [e.type, e.source])).toEqual([
      ['proposed', 'email'],
      ['queued', 'email'],
      ['approved', 'email'],
      ['executed', 'email'],
    ]);
  });

  it('does not let someone outside the company drive the agent', async () => {
    const result = await answerEmail(
      handle.db,
      { model: null, registry },
      {
        tenantId: company.tenant.id,
        userId: null,
        from: 'supplier@x.example',
        subject: 'hi',
        text: 'pay me',
        messageId: '<m3@x>',
        references: [],
      },
      now,
    );
    expect(result).toEqual({ answered: false, reason: 'Only people of the company can talk to the agent by email.' });
  });
});

describe('reading the request', () => {
  it.each([
    ['Bonjour, créez une facture pour Acme, 3 heures de consultation', 'en', 'fr'],
    ['Please create an invoice for Acme, 3 hours of consulting', 'fr', 'en'],
    ['Acme 3h', 'fr', 'fr'],
    ['Acme 3h', 'en', 'en'],
  ] as const)('%s → %s profile gives %s', (text, profile, expected) => {
    expect(languageOf(text, profile)).toBe(expected);
  });

  it('keeps only what the person wrote above the quote or signature', () => {
    expect(requestText('Yes, approve it.\n\nOn Mon, Marc wrote:\n> old text')).toBe('Yes, approve it.');
    expect(requestText('Merci\n-- \nMarc Gagnon')).toBe('Merci');
  });
});
