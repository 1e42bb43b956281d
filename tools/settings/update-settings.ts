import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { tenants } from '../../db/schema/index.ts';
import { defineTool } from '../define.ts';
import { invalid } from '../errors.ts';
import { formatAmount, Money, toMinor, NonNegativeMoney } from '../money.ts';
import { getSettings } from './get-settings.ts';
import { AUTOMATION_WORDS, settingsRefusals } from './texts.ts';

const Ratio = z.number().min(0).max(1);

/**
 * How much the AI may do alone is the company's decision: an administrator's write, audited by the
 * action door like any other (who changed the automation level, when, from what to what).
 */
export const updateSettings = defineTool({
  name: 'settings_update',
  title: "Change the company's settings",
  description:
    'Change company settings (administrators only): automation level (manual, assisted, supervised, full), ' +
    'AI on/off, confidence threshold (supervised) and floor (full) between 0 and 1, hard cap for AI actions and ' +
    'the three approval levels as decimal strings in the company currency ("5000.00"), approval expiry in hours, ' +
    'what happens on expiry, and the company language. Give only what changes. Returns the settings.',
  kind: 'write',
  risk: 'internal',
  effect: 'sets',
  roles: ['admin'],
  input: z.object({
    automationLevel: z.enum(['manual', 'assisted', 'supervised', 'full']).optional(),
    aiEnabled: z.boolean().optional(),
    confidenceThreshold: Ratio.optional(),
    confidenceFloor: Ratio.optional(),
    hardCap: NonNegativeMoney.optional(),
    approvalLevels: z
      .tuple([Money, Money, Money])
      .optional()
      .describe('Amounts above which level 1, 2 and 3 approval is needed, increasing.'),
    approvalExpiryHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .optional(),
    expiryBehaviour: z.enum(['expire', 'escalate']).optional(),
    language: z.enum(['fr', 'en']).optional(),
  }),
  output: getSettings.output,
  async assess(ctx, input) {
    const say = settingsRefusals[ctx.lang];
    if (!Object.values(input).some((v) => v !== undefined)) throw invalid(say.nothingToChange);
    const tenant = await ctx.tenant();
    if (input.approvalLevels) {
      const levels = input.approvalLevels;
      const cents = levels.map((m) => toMinor(m, tenant.currency));
      // The first level below the one before it: levels are 1-based for people.
      const i = cents.findIndex((v, k) => k > 0 && v < cents[k - 1]!);
      if (i > 0)
        throw invalid(
          say.levelsMustIncrease(
            i + 1,
            formatAmount(levels[i]!, tenant.currency, ctx.lang),
            formatAmount(levels[i - 1]!, tenant.currency, ctx.lang),
          ),
        );
    }
    return {};
  },
  async run(ctx, input) {
    const tenant = await ctx.tenant();
    const money = (m: string) => toMinor(m, tenant.currency);
    const levels = input.approvalLevels?.map(money);
    await ctx.db
      .update(tenants)
      .set({
        automationLevel: input.automationLevel,
        aiEnabled: input.aiEnabled,
        confidenceThreshold: input.confidenceThreshold,
        confidenceFloor: input.confidenceFloor,
        hardCapCents: input.hardCap === undefined ? undefined : money(input.hardCap),
        approvalLevel1Cents: levels?.[0],
        approvalLevel2Cents: levels?.[1],
        approvalLevel3Cents: levels?.[2],
        approvalExpiryHours: input.approvalExpiryHours,
        expiryBehaviour: input.expiryBehaviour,
        language: input.language,
        updatedAt: ctx.now,
      })
      .where(eq(tenants.id, ctx.tenantId));
    // Read back through a fresh context: ctx.tenant() cached the row as it was before this change.
    return getSettings.run(
      { ...ctx, tenant: async () => (await ctx.db.select().from(tenants).where(eq(tenants.id, ctx.tenantId)))[0]! },
      {},
    );
  },
  // Saved all the same, but a contradiction is said at once, where the person is looking.
  summarize: (s, lang) =>
    [
      lang === 'fr'
        ? `Paramètres enregistrés : niveau d'automatisation ${AUTOMATION_WORDS[s.automationLevel].fr}.`
        : `Settings saved: automation level ${AUTOMATION_WORDS[s.automationLevel].en}.`,
      ...s.warnings,
    ].join(' '),
});
