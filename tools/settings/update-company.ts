import { eq } from 'drizzle-orm';
import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import { z } from 'zod';
import { tenants } from '../../db/schema/index.ts';
import { isTimeZone } from '../dates.ts';
import { defineTool } from '../define.ts';
import { invalid } from '../errors.ts';
import { getSettings } from './get-settings.ts';

const digits = (count: number, what: string) =>
  z
    .string()
    .trim()
    .transform((s) => s.replace(/\s+/g, ''))
    .pipe(z.string().regex(new RegExp(`^\\d{${count}}$`), { error: `${what} is ${count} digits.` }));

/**
 * What the company's invoices say about it: address, tax numbers, French legal mentions and the
 * account clients pay into. E-invoices refuse to leave without the parts the law asks for, so these
 * are the fields a refused send names.
 */
export const updateCompany = defineTool({
  name: 'settings_update_company',
  title: "Change the company's identity on invoices",
  description:
    'Change what invoices say about the company (administrators only): address, email, GST/HST, QST and VAT ' +
    'numbers, SIREN and SIRET, legal form and share capital (French legal mentions), IBAN and BIC for payments, ' +
    "and the time zone in which the company's day starts. " +
    'Give only what changes; null clears. Returns the settings.',
  kind: 'write',
  risk: 'internal',
  effect: 'sets',
  roles: ['admin'],
  input: z.object({
    address: z
      .record(z.string(), z.string().trim().max(200))
      .nullable()
      .optional()
      .describe('e.g. { "line1": "12 rue de la Paix", "city": "Paris", "postalCode": "75002" }'),
    email: z.string().trim().email().max(200).nullable().optional(),
    gstNumber: z.string().trim().max(30).nullable().optional(),
    qstNumber: z.string().trim().max(30).nullable().optional(),
    vatNumber: z.string().trim().max(30).nullable().optional(),
    siren: digits(9, 'A SIREN').nullable().optional(),
    siret: digits(14, 'A SIRET').nullable().optional(),
    legalForm: z.string().trim().max(60).nullable().optional().describe('e.g. "SAS", "SARL", "Inc."'),
    shareCapital: z.string().trim().max(60).nullable().optional().describe('As printed, e.g. "10 000 €".'),
    iban: z.string().trim().max(50).nullable().optional(),
    bic: z.string().trim().max(11).nullable().optional(),
    timeZone: z
      .string()
      .trim()
      .max(60)
      .optional()
      .describe('IANA time zone in which the company\'s day starts, e.g. "America/Vancouver", "Europe/Paris".'),
  }),
  output: getSettings.output,
  async assess(ctx, input) {
    if (!Object.values(input).some((v) => v !== undefined))
      throw invalid(
        ctx.lang === 'fr'
          ? 'Rien à modifier : donnez au moins un champ.'
          : 'Nothing to change: give at least one field.',
      );
    const iban = input.iban ? electronicFormatIBAN(input.iban) : null;
    if (input.iban && (!iban || !isValidIBAN(iban)))
      throw invalid(
        ctx.lang === 'fr'
          ? `L'IBAN « ${input.iban} » n'est pas valide (pays, longueur ou clé de contrôle).`
          : `IBAN '${input.iban}' is not valid (country, length or check digits).`,
        { field: 'iban' },
      );
    if (input.bic && !isValidBIC(input.bic))
      throw invalid(
        ctx.lang === 'fr' ? `Le BIC « ${input.bic} » n'est pas valide.` : `BIC '${input.bic}' is not valid.`,
        { field: 'bic' },
      );
    if (input.timeZone !== undefined && !isTimeZone(input.timeZone))
      throw invalid(
        ctx.lang === 'fr'
          ? `« ${input.timeZone} » n'est pas un fuseau horaire connu (ex. America/Toronto, Europe/Paris).`
          : `'${input.timeZone}' is not a known time zone (e.g. America/Toronto, Europe/Paris).`,
        { field: 'timeZone' },
      );
    if (input.siret && input.siren && !input.siret.startsWith(input.siren))
      throw invalid(
        ctx.lang === 'fr'
          ? 'Le SIRET doit commencer par le SIREN (ses 9 premiers chiffres).'
          : 'The SIRET must start with the SIREN (its first 9 digits).',
        { field: 'siret' },
      );
    return {};
  },
  async run(ctx, input) {
    const { iban, ...rest } = input;
    await ctx.db
      .update(tenants)
      .set({
        ...rest,
        iban: iban === undefined ? undefined : iban && electronicFormatIBAN(iban),
        bic: input.bic?.toUpperCase() ?? input.bic,
        updatedAt: ctx.now,
      })
      .where(eq(tenants.id, ctx.tenantId));
    return getSettings.run(
      { ...ctx, tenant: async () => (await ctx.db.select().from(tenants).where(eq(tenants.id, ctx.tenantId)))[0]! },
      {},
    );
  },
  summarize: (s, lang) => (lang === 'fr' ? `Coordonnées de ${s.name} enregistrées.` : `${s.name}'s details saved.`),
});
