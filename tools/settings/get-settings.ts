import { z } from 'zod';
import { defineTool } from '../define.ts';
import { fromMinor } from '../money.ts';
import { users } from '../../db/schema/index.ts';
import { stepsWithTones, TONES } from '../reminders/model.ts';
import { AUTOMATION_WORDS } from './texts.ts';
import { settingsWarnings } from './warnings.ts';

/** The company's settings as people and models read them; secrets (the inbound mail token) stay out. */
const Settings = z.object({
  name: z.string(),
  country: z.string(),
  province: z.string().nullable(),
  currency: z.string(),
  language: z.enum(['fr', 'en']),
  timeZone: z.string().describe("IANA time zone in which the company's day starts, e.g. America/Toronto."),
  automationLevel: z.enum(['manual', 'assisted', 'supervised', 'full']),
  aiEnabled: z.boolean(),
  confidenceThreshold: z.number(),
  confidenceFloor: z.number(),
  hardCap: z.string().describe('Largest amount the AI may act on alone, in the company currency.'),
  approvalLevels: z.array(z.string()).describe('Amounts above which level 1, 2 and 3 approval is needed.'),
  approvalExpiryHours: z.number().int(),
  expiryBehaviour: z.enum(['expire', 'escalate']),
  reminderSchedule: z.array(z.number().int()),
  reminderSteps: z
    .array(z.object({ day: z.number().int(), tone: z.enum(TONES) }))
    .describe('The reminder schedule with the tone of each step.'),
  gstNumber: z.string().nullable(),
  qstNumber: z.string().nullable(),
  vatNumber: z.string().nullable(),
  siren: z.string().nullable(),
  siret: z.string().nullable(),
  legalForm: z.string().nullable(),
  shareCapital: z.string().nullable(),
  iban: z.string().nullable(),
  bic: z.string().nullable(),
  address: z.record(z.string(), z.string()).nullable(),
  email: z.string().nullable(),
  warnings: z
    .array(z.string())
    .describe('Settings that contradict each other (a floor above a threshold…), in sentences: fix or accept.'),
});

export const getSettings = defineTool({
  name: 'settings_get',
  title: "Show the company's settings",
  description:
    'Read the company settings: country, province, currency, language, automation level (what the AI may do ' +
    'without a person), confidence thresholds, approval levels by amount, approval expiry and the reminder ' +
    'schedule (days relative to the due date, and the tone of each step). Amounts are decimal strings in the company currency.',
  kind: 'read',
  input: z.object({}),
  output: Settings,
  async run(ctx) {
    const t = await ctx.tenant();
    const people = await ctx.db
      .select({ name: users.name, aiAutoApproveLimitCents: users.aiAutoApproveLimitCents, active: users.active })
      .from(users);
    const money = (cents: bigint) => fromMinor(cents, t.currency);
    return {
      name: t.name,
      country: t.country,
      province: t.province,
      currency: t.currency,
      language: t.language,
      timeZone: t.timeZone,
      automationLevel: t.automationLevel,
      aiEnabled: t.aiEnabled,
      confidenceThreshold: t.confidenceThreshold,
      confidenceFloor: t.confidenceFloor,
      hardCap: money(t.hardCapCents),
      approvalLevels: [t.approvalLevel1Cents, t.approvalLevel2Cents, t.approvalLevel3Cents].map(money),
      approvalExpiryHours: t.approvalExpiryHours,
      expiryBehaviour: t.expiryBehaviour,
      reminderSchedule: t.reminderSchedule,
      reminderSteps: stepsWithTones(t.reminderSchedule, t.reminderTones),
      gstNumber: t.gstNumber,
      qstNumber: t.qstNumber,
      vatNumber: t.vatNumber,
      siren: t.siren,
      siret: t.siret,
      legalForm: t.legalForm,
      shareCapital: t.shareCapital,
      iban: t.iban,
      bic: t.bic,
      address: t.address ?? null,
      email: t.email,
      warnings: settingsWarnings(
        {
          currency: t.currency,
          automationLevel: t.automationLevel,
          aiEnabled: t.aiEnabled,
          confidenceThreshold: t.confidenceThreshold,
          confidenceFloor: t.confidenceFloor,
          hardCapCents: t.hardCapCents,
          people,
        },
        ctx.lang,
      ),
    };
  },
  summarize: (s, lang) =>
    lang === 'fr'
      ? `${s.name} : niveau d'automatisation ${AUTOMATION_WORDS[s.automationLevel].fr}, devise ${s.currency}.`
      : `${s.name}: automation level ${AUTOMATION_WORDS[s.automationLevel].en}, currency ${s.currency}.`,
});
