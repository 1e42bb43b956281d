import { z } from 'zod';
import { clients } from '../../db/schema/index.ts';
import { defineTool } from '../define.ts';
import { conflict } from '../errors.ts';
import { checkPlace, ClientFields, creditLimitCents } from './client-fields.ts';
import { clientByName, clientSummary } from './queries.ts';
import { ClientSummary } from './schemas.ts';

const input = z.object({
  name: z.string().trim().min(1).max(200),
  email: ClientFields.email.optional(),
  phone: ClientFields.phone.optional(),
  address: ClientFields.address.optional(),
  province: ClientFields.province.optional(),
  country: ClientFields.country.default('CA'),
  language: ClientFields.language.optional().describe('Defaults to the company language.'),
  currency: ClientFields.currency.optional(),
  creditLimit: ClientFields.creditLimit.optional(),
  paymentTermsDays: ClientFields.paymentTermsDays.default(30),
  gstNumber: ClientFields.gstNumber.optional(),
  qstNumber: ClientFields.qstNumber.optional(),
  vatNumber: ClientFields.vatNumber.optional(),
  siren: ClientFields.siren.optional(),
  siret: ClientFields.siret.optional(),
  einvoiceFormat: ClientFields.einvoiceFormat.optional(),
});

const alreadyExists = (name: string, id: string | undefined, lang: 'fr' | 'en') =>
  conflict(
    lang === 'fr'
      ? `Un client nommé « ${name} » existe déjà${id ? ` (id ${id})` : ''}. Modifiez-le avec invoicing_update_client.`
      : `A client named '${name}' already exists${id ? ` (id ${id})` : ''}. Change it with invoicing_update_client.`,
    { id },
  );

/** A name a person could not tell from an existing client's: refused like a twin, naming that client. */
export const lookalikeClient = (name: string, existing: { id: string; name: string }, lang: 'fr' | 'en') =>
  conflict(
    lang === 'fr'
      ? `« ${name} » se confond avec le client « ${existing.name} » (id ${existing.id}) : utilisez celui-ci, ou donnez un nom qui les distingue.`
      : `'${name}' cannot be told apart from client '${existing.name}' (id ${existing.id}): use that one, or give a name that tells them apart.`,
    { id: existing.id, name: existing.name },
  );

export const createClient = defineTool({
  name: 'invoicing_create_client',
  title: 'Create a client',
  description:
    'Add a client to invoice. Give its name, and for a Canadian client its province (it sets GST/HST/PST/QST); ' +
    'a French client (country "FR") is invoiced with French VAT, in EUR by default. Language (fr/en) sets the ' +
    'language of its invoices and emails; payment terms (days) set due dates; creditLimit is a decimal string. ' +
    'Fails if a client with that name exists: search first with invoicing_find_clients.',
  kind: 'write',
  risk: 'internal',
  effect: 'adds',
  input,
  output: ClientSummary,
  async assess(ctx, request) {
    checkPlace(request, ctx.lang);
    const existing = await clientByName(ctx.db, request.name);
    if (existing?.exact) throw alreadyExists(request.name, existing.id, ctx.lang);
    if (existing) throw lookalikeClient(request.name, existing, ctx.lang);
    return {};
  },
  async run(ctx, request) {
    checkPlace(request, ctx.lang);
    const tenant = await ctx.tenant();
    const currency = request.currency ?? (request.country === 'FR' ? 'EUR' : tenant.currency);
    const { creditLimit, ...fields } = request;
    const [row] = await ctx.db
      .insert(clients)
      .values({
        ...fields,
        tenantId: ctx.tenantId,
        currency,
        language: request.language ?? tenant.language,
        creditLimitCents: creditLimitCents(creditLimit, currency, ctx.lang) ?? null,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw alreadyExists(request.name, undefined, ctx.lang);
    return clientSummary(row);
  },
  summarize: (c, lang) => (lang === 'fr' ? `Client ${c.name} créé.` : `Client ${c.name} created.`),
});
