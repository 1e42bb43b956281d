import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { clients } from '../../db/schema/index.ts';
import type { ToolCtx } from '../context.ts';
import { defineTool } from '../define.ts';
import { conflict, invalid } from '../errors.ts';
import { checkPlace, ClientFields, creditLimitCents } from './client-fields.ts';
import { lookalikeClient } from './create-client.ts';
import { clientById, clientByName, clientSummary } from './queries.ts';
import { ClientSummary } from './schemas.ts';

const input = z.object({
  clientId: z.string().uuid(),
  name: z.string().trim().min(1).max(200).optional(),
  email: ClientFields.email.nullable().optional(),
  phone: ClientFields.phone.nullable().optional(),
  address: ClientFields.address.nullable().optional(),
  province: ClientFields.province.nullable().optional(),
  country: ClientFields.country.optional(),
  language: ClientFields.language.optional(),
  currency: ClientFields.currency.optional(),
  creditLimit: ClientFields.creditLimit.optional(),
  paymentTermsDays: ClientFields.paymentTermsDays.optional(),
  gstNumber: ClientFields.gstNumber.nullable().optional(),
  qstNumber: ClientFields.qstNumber.nullable().optional(),
  vatNumber: ClientFields.vatNumber.nullable().optional(),
  siren: ClientFields.siren.nullable().optional(),
  siret: ClientFields.siret.nullable().optional(),
  einvoiceFormat: ClientFields.einvoiceFormat.nullable().optional(),
});

type Request = z.output<typeof input>;

/** The client as it would be after the change; checked before anything is written. */
async function changed(ctx: ToolCtx, request: Request) {
  const client = await clientById(ctx.db, request.clientId, ctx.lang);
  const { clientId, creditLimit, ...fields } = request;
  const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<
    typeof clients.$inferInsert
  >;
  if (Object.keys(set).length === 0 && creditLimit === undefined) {
    throw invalid(
      ctx.lang === 'fr' ? 'Rien à modifier : donnez au moins un champ.' : 'Nothing to change: give at least one field.',
    );
  }
  const after = { ...client, ...set };
  checkPlace(after, ctx.lang);
  const limit = creditLimitCents(creditLimit, after.currency, ctx.lang);
  if (limit !== undefined) set.creditLimitCents = limit;
  else if (set.currency && set.currency !== client.currency && client.creditLimitCents !== null) {
    throw invalid(
      ctx.lang === 'fr'
        ? 'La devise change : donnez aussi la limite de crédit dans la nouvelle devise (creditLimit).'
        : 'The currency changes: give the credit limit in the new currency too (creditLimit).',
    );
  }
  if (set.name && set.name !== client.name) {
    const same = await clientByName(ctx.db, set.name, client.id);
    if (same && !same.exact) throw lookalikeClient(set.name, same, ctx.lang);
    if (same)
      throw conflict(
        ctx.lang === 'fr'
          ? `Un autre client s'appelle déjà « ${set.name} ».`
          : `Another client is already named '${set.name}'.`,
        { id: same.id },
      );
  }
  return { client, set };
}

/**
 * Changing a client changes future invoices only: issued ones keep the place of supply, language and
 * currency they were issued with (they are stored on each invoice).
 */
export const updateClient = defineTool({
  name: 'invoicing_update_client',
  title: 'Update a client',
  description:
    'Change a client: name, email, address, province/country (sets sales tax), language (fr/en), currency, ' +
    'credit limit (decimal string, null for none), payment terms in days, tax numbers. Give only the fields ' +
    'to change; null clears an optional one. Issued invoices keep what they were issued with.',
  kind: 'write',
  risk: 'internal',
  effect: 'sets',
  input,
  output: ClientSummary,
  async assess(ctx, request) {
    await changed(ctx, request);
    return {};
  },
  async run(ctx, request) {
    const { client, set } = await changed(ctx, request);
    const [row] = await ctx.db
      .update(clients)
      .set({ ...set, updatedAt: ctx.now })
      .where(eq(clients.id, client.id))
      .returning();
    return clientSummary(row!);
  },
  summarize: (c, lang) => (lang === 'fr' ? `Client ${c.name} modifié.` : `Client ${c.name} updated.`),
});
