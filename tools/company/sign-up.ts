/**
 * A new company and its first administrator, from the sign-up page or `comptoir company create`.
 * There is no session yet, so this is not a registry tool: it is the one function both frontends
 * call, with its zod schema and its refusals in the person's language, field by field. The company
 * is created inside its own tenant context (tenancy.ts), under row-level security like everything else.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { withTenant } from '../../db/tenant.ts';
import { MIN_PASSWORD, mintAccountLink } from '../auth/account-links.ts';
import type { Lang } from '../context.ts';
import { PROVINCES } from '../tax/rates.ts';
import { createTenant } from '../tenancy.ts';

const words = {
  fr: {
    companyName: 'Donnez le nom de l’entreprise (2 à 120 caractères).',
    country: 'Choisissez le Canada ou la France.',
    province: `Choisissez la province ou le territoire (${PROVINCES.join(', ')}).`,
    adminName: 'Donnez votre nom (1 à 120 caractères).',
    email: 'Donnez une adresse courriel valide, par exemple marie@exemple.ca.',
    password: `Le mot de passe doit compter au moins ${MIN_PASSWORD} caractères.`,
  },
  en: {
    companyName: 'Give the company’s name (2 to 120 characters).',
    country: 'Choose Canada or France.',
    province: `Choose the province or territory (${PROVINCES.join(', ')}).`,
    adminName: 'Give your name (1 to 120 characters).',
    email: 'Give a valid email address, for example mary@example.ca.',
    password: `The password must be at least ${MIN_PASSWORD} characters long.`,
  },
} satisfies Record<Lang, Record<string, string>>;

export const signUpSchema = (lang: Lang) => {
  const w = words[lang];
  return z
    .object({
      companyName: z.string({ error: w.companyName }).trim().min(2, w.companyName).max(120, w.companyName),
      country: z.enum(['CA', 'FR'], { error: w.country }),
      province: z
        .string()
        .trim()
        .toUpperCase()
        .optional()
        .transform((p) => p || undefined),
      adminName: z.string({ error: w.adminName }).trim().min(1, w.adminName).max(120, w.adminName),
      email: z.string({ error: w.email }).trim().toLowerCase().max(320, w.email).pipe(z.email(w.email)),
      /** Absent from the CLI: the administrator then sets it through a one-time link. */
      password: z.string({ error: w.password }).min(MIN_PASSWORD, w.password).max(1000, w.password).optional(),
      language: z.enum(['fr', 'en']).default(lang),
    })
    .superRefine((v, ctx) => {
      if (v.country === 'CA' && !(PROVINCES as readonly string[]).includes(v.province ?? ''))
        ctx.addIssue({ code: 'custom', path: ['province'], message: w.province });
    });
};

export type SignUpInput = z.input<ReturnType<typeof signUpSchema>>;

/** Field → the first problem with it, in the person's language; null when the form is fine. */
export function signUpErrors(input: unknown, lang: Lang): Record<string, string> | null {
  const parsed = signUpSchema(lang).safeParse(input);
  if (parsed.success) return null;
  const out: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'companyName');
    out[field] ??= issue.message;
  }
  return out;
}

/** A slug people never type: the name's letters and a random tail, so two "Café Dupont" never collide. */
function slugOf(name: string): string {
  const base = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${base || 'company'}-${randomBytes(3).toString('hex')}`;
}

/**
 * Creates the company and its administrator. Throws the zod error's first message when the input is
 * wrong (callers that show fields use signUpErrors first). Without a password, returns a one-time
 * link token (an invitation, INVITE_DAYS) for the administrator to set one.
 */
export async function signUp(db: Database, input: SignUpInput, lang: Lang, now: Date) {
  const v = signUpSchema(lang).parse(input);
  const currency = v.country === 'FR' ? 'EUR' : 'CAD';
  const { tenant, users } = await createTenant(
    db,
    {
      slug: slugOf(v.companyName),
      name: v.companyName,
      country: v.country,
      province: v.country === 'CA' ? (v.province ?? null) : null,
      currency,
      language: v.language,
      email: v.email,
    },
    [{ email: v.email, name: v.adminName, role: 'admin', language: v.language, password: v.password }],
  );
  const admin = users[0]!;
  const setPasswordToken = v.password
    ? null
    : await withTenant(db, tenant.id, (tx) => mintAccountLink(tx, tenant.id, admin.id, 'invite', now));
  return { tenantId: tenant.id, slug: tenant.slug, adminId: admin.id, setPasswordToken };
}
