import { z } from 'zod';
import { defineTool } from '../define.ts';
import { aiDashboard, DEFAULT_MINUTES, MINUTES_PER_ACTION } from './model.ts';
import { actionRows } from './queries.ts';
import { assertPeriod } from '../period.ts';
import { formatDecimal } from './texts.ts';
import { Period, periodOf } from './schemas.ts';

export const aiDashboardTool = defineTool({
  name: 'analytics_ai_dashboard',
  title: 'AI dashboard',
  description:
    'How the AI works for the company over a period (default last 12 months): actions by status, share the AI ' +
    'executed at once (auto-execution rate), minutes from proposal to a person’s decision (median, mean), and ' +
    'estimated time saved = Σ minutes a person would spend per executed AI action (table in minutesPerAction).',
  kind: 'read',
  input: z.object({ ...Period }),
  output: z.object({
    from: z.string(),
    to: z.string(),
    total: z.number().int(),
    byAi: z.number().int(),
    byStatus: z.record(z.string(), z.number().int()),
    autoExecutionPercent: z.string().nullable(),
    approvalLatencyMinutes: z.object({
      median: z.number().nullable(),
      mean: z.number().nullable(),
      decided: z.number().int(),
    }),
    minutesSaved: z.number().int(),
    hoursSaved: z.string(),
    minutesPerAction: z.record(z.string(), z.number()),
    defaultMinutes: z.number(),
  }),
  async run(ctx, input) {
    const { from, to } = periodOf(input, ctx.now);
    assertPeriod(from, to, ctx.lang);
    const d = aiDashboard(await actionRows(ctx.db, new Date(`${from}T00:00:00Z`), new Date(`${to}T23:59:59.999Z`)));
    return {
      from,
      to,
      total: d.total,
      byAi: d.byAi,
      byStatus: d.byStatus,
      autoExecutionPercent: d.autoExecutionBasisPoints === null ? null : (d.autoExecutionBasisPoints / 100).toFixed(2),
      approvalLatencyMinutes: d.approvalLatencyMinutes,
      minutesSaved: d.minutesSaved,
      hoursSaved: (d.minutesSaved / 60).toFixed(1),
      minutesPerAction: MINUTES_PER_ACTION,
      defaultMinutes: DEFAULT_MINUTES,
    };
  },
  summarize: (o, lang) =>
    lang === 'fr'
      ? `${o.byAi} action(s) de l'IA, ${formatDecimal(o.autoExecutionPercent ?? '0', lang)} % exécutées d'office, environ ${formatDecimal(o.hoursSaved, lang)} h gagnées.`
      : `${o.byAi} AI action(s), ${formatDecimal(o.autoExecutionPercent ?? '0', lang)}% executed at once, about ${formatDecimal(o.hoursSaved, lang)} h saved.`,
});
