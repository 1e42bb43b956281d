/**
 * The company's payment-reminder schedule: on which days from the due date reminders go out and how
 * firm each one is. A change is an audited write through the door, like every other setting.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { tenants } from '../../db/schema/index.ts';
import { defineTool } from '../define.ts';
import { invalid } from '../errors.ts';
import { SCHEDULE_BOUNDS, scheduleProblem, stepsWithTones, TONES } from '../reminders/model.ts';
import { scheduleRefusals, toneWord } from './texts.ts';

const Tone = z.enum(TONES);

const Step = z.object({
  day: z
    .number()
    .int()
    .min(SCHEDULE_BOUNDS.earliest)
    .max(SCHEDULE_BOUNDS.latest)
    .describe('Days from the due date (15 = J+15; negative: before the due date).'),
  tone: Tone.optional().describe(
    'courtesy (before the due date), reminder (courteous), firm or final; default: by its place in the schedule.',
  ),
});

export const ReminderSteps = z.array(z.object({ day: z.number().int(), tone: Tone }));

export const updateReminderSchedule = defineTool({
  name: 'settings_update_reminder_schedule',
  title: 'Change the payment reminder schedule',
  description:
    'Set the days, counted from the invoice due date, on which payment reminders go out, and the tone of each ' +
    '(courtesy, reminder, firm, final). The default is J+15, J+30, J+45: courteous, firm, final. Days are whole ' +
    `numbers from ${SCHEDULE_BOUNDS.earliest} to ${SCHEDULE_BOUNDS.latest}, at most ${SCHEDULE_BOUNDS.maxSteps} ` +
    'steps, each day once; a step may not be gentler than the one before it. Steps are kept in day order. ' +
    'Administrators and managers. Returns the schedule as saved.',
  kind: 'write',
  effect: 'sets',
  risk: 'internal',
  roles: ['admin', 'manager'],
  input: z.object({ steps: z.array(Step).min(1).max(SCHEDULE_BOUNDS.maxSteps) }),
  output: z.object({ steps: ReminderSteps }),
  async assess(ctx, input) {
    const problem = scheduleProblem(input.steps);
    const say = scheduleRefusals[ctx.lang];
    if (problem?.problem === 'duplicate') throw invalid(say.duplicate(problem.day), { problem });
    if (problem?.problem === 'gentler')
      throw invalid(
        say.gentler(
          problem.day,
          toneWord(problem.tone, ctx.lang),
          problem.after,
          toneWord(problem.afterTone, ctx.lang),
        ),
        { problem },
      );
    return {};
  },
  async run(ctx, input) {
    const days = input.steps.map((s) => s.day).sort((a, b) => a - b);
    const tones = Object.fromEntries(input.steps.filter((s) => s.tone).map((s) => [String(s.day), s.tone!]));
    await ctx.db
      .update(tenants)
      .set({ reminderSchedule: days, reminderTones: tones, updatedAt: ctx.now })
      .where(eq(tenants.id, ctx.tenantId));
    return { steps: stepsWithTones(days, tones) };
  },
  summarize: (out, lang) =>
    (lang === 'fr' ? 'Calendrier de relance enregistré : ' : 'Reminder schedule saved: ') +
    out.steps.map((s) => `J${s.day < 0 ? s.day : `+${s.day}`} (${toneWord(s.tone, lang)})`).join(', ') +
    '.',
});
