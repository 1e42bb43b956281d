/**
 * The dashboards screen, server-rendered from the analytics tools called through the door (invoke),
 * the same reads the chat and MCP make: spend by supplier and by category, receivables aging, the
 * 13-week cash forecast from the bank balance, DSO month by month and the AI's share of the work.
 */
import { Hono } from 'hono';
import type { z } from 'zod';
import { aiDashboardTool } from '../../tools/analytics/ai-dashboard.ts';
import { receivablesAging } from '../../tools/analytics/ar-aging.ts';
import { cashFlow } from '../../tools/analytics/cash-flow.ts';
import { spendAnalysis } from '../../tools/analytics/spend.ts';
import { formatDecimal } from '../../tools/analytics/texts.ts';
import type { Lang, Session } from '../../tools/context.ts';
import type { AnyTool } from '../../tools/define.ts';
import { invoke } from '../../tools/invoke.ts';
import { formatAmount, fromMinor, sum, toMinor } from '../../tools/money.ts';
import type { WebEnv } from '../browser-session.ts';
import type { AppDeps } from '../../http/deps.ts';
import { catalogue, tr, type MessageKey } from '../i18n.ts';
import { type DashboardCard, DashboardsPage } from '../pages/dashboards.tsx';
import { decidableCount } from './approvals-page.tsx';
import { isoDate } from '../../tools/dates.ts';

const PERSON = { source: 'rest', byAi: false } as const;

async function read<T extends AnyTool>(session: Session, tool: T, input: unknown) {
  const out = await invoke(session, tool, input, PERSON);
  if (out.kind !== 'read') throw new Error(`${tool.name} is not a read tool`);
  return { output: out.output as z.infer<T['output']>, message: out.message ?? '' };
}

/** The last day of each of the `count` months up to today's (today itself for the current month). */
export function monthEnds(today: string, count: number): string[] {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  return Array.from({ length: count }, (_, i) => {
    const back = count - 1 - i;
    if (back === 0) return today;
    // Day 0 of the next month is the last day of this one.
    return new Date(Date.UTC(y, m - back, 0)).toISOString().slice(0, 10);
  });
}

const locale = (lang: Lang) => (lang === 'fr' ? 'fr-CA' : 'en-CA');
const monthName = (date: string, lang: Lang) =>
  new Intl.DateTimeFormat(locale(lang), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
const dayName = (date: string, lang: Lang) =>
  new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );

/** At most `keep` rows, the rest summed as one "others" row, so a long tail stays readable. */
function topRows(
  rows: { label: string; amount: string; documents: number; sharePercent: string }[],
  keep: number,
  currency: string,
) {
  if (rows.length <= keep) return rows;
  const rest = rows.slice(keep);
  return [
    ...rows.slice(0, keep),
    {
      label: '',
      amount: fromMinor(sum(rest.map((r) => toMinor(r.amount, currency))), currency),
      documents: rest.reduce((n, r) => n + r.documents, 0),
      sharePercent: rest.reduce((n, r) => n + Number(r.sharePercent), 0).toFixed(2),
    },
  ];
}

async function spendCard(session: Session, groupBy: 'supplier' | 'category'): Promise<DashboardCard> {
  const t = catalogue[session.lang];
  const { output: o, message } = await read(session, spendAnalysis, { groupBy });
  const money = (a: string) => formatAmount(a, o.currency, session.lang);
  const rows = topRows(o.rows, 8, o.currency).map((r) => ({ ...r, label: r.label || t.wcOthers }));
  const id = groupBy === 'supplier' ? 'spend-supplier' : 'spend-category';
  return {
    id,
    title: groupBy === 'supplier' ? t.wcSpendBySupplier : t.wcSpendByCategory,
    lead: message,
    empty: rows.length ? undefined : t.wcNoSpend,
    chart: {
      id,
      layout: 'horizontal',
      labels: rows.map((r) => r.label),
      axis: o.currency,
      series: [
        {
          label: t.wcAmount,
          kind: 'bar',
          tone: groupBy === 'supplier' ? 0 : 3,
          values: rows.map((r) => Number(r.amount)),
          texts: rows.map((r) => `${money(r.amount)} (${formatDecimal(r.sharePercent, session.lang)} %)`),
        },
      ],
    },
    table: {
      head: [groupBy === 'supplier' ? t.wcSupplier : t.wcCategory, t.wcAmount, t.wcShare, t.wcDocuments],
      numeric: [false, true, true, true],
      rows: rows.map((r) => [
        r.label,
        money(r.amount),
        `${formatDecimal(r.sharePercent, session.lang)} %`,
        String(r.documents),
      ]),
    },
  };
}

const BUCKET_KEYS: Record<string, MessageKey> = {
  current: 'wcAgeCurrent',
  '1_30': 'wcAge1_30',
  '31_60': 'wcAge31_60',
  '61_90': 'wcAge61_90',
  over_90: 'wcAgeOver90',
};

async function agingCard(session: Session): Promise<DashboardCard> {
  const t = catalogue[session.lang];
  const { output: o, message } = await read(session, receivablesAging, {});
  const buckets = Object.entries(o.buckets) as [string, { amount: string; invoices: number }][];
  const money = (a: string) => formatAmount(a, o.currency, session.lang);
  const labels = buckets.map(([b]) => t[BUCKET_KEYS[b] ?? 'wcAgeCurrent']);
  return {
    id: 'aging',
    title: t.wcAging,
    lead: message,
    empty: buckets.some(([, b]) => b.invoices > 0) ? undefined : t.wcNoReceivables,
    chart: {
      id: 'aging',
      layout: 'bar',
      labels,
      axis: o.currency,
      series: [
        {
          label: t.wcOwed,
          kind: 'bar',
          tone: 1,
          values: buckets.map(([, b]) => Number(b.amount)),
          texts: buckets.map(
            ([, b]) => `${money(b.amount)} · ${tr(session.lang, 'wcInvoicesCount', { n: b.invoices })}`,
          ),
        },
      ],
    },
    table: {
      head: [t.wcAge, t.wcOwed, t.wcInvoices],
      numeric: [false, true, true],
      rows: buckets.map(([, b], i) => [labels[i]!, money(b.amount), String(b.invoices)]),
    },
  };
}

async function cashCard(session: Session): Promise<DashboardCard> {
  const t = catalogue[session.lang];
  const { output: o, message } = await read(session, cashFlow, {});
  const money = (a: string) => formatAmount(a, o.currency, session.lang);
  const labels = o.weeks.map((w) => dayName(w.start, session.lang));
  const source = o.openingSource as 'given' | 'statements' | 'transactions' | 'none';
  const sourceKey: Record<typeof source, MessageKey> = {
    given: 'wcOpeningStatements',
    statements: 'wcOpeningStatements',
    transactions: 'wcOpeningTransactions',
    none: 'wcOpeningNone',
  };
  return {
    id: 'cash',
    title: t.wcCash,
    lead: message,
    note: tr(session.lang, sourceKey[source], { amount: money(o.opening), date: dayName(o.asOf, session.lang) }),
    chart: {
      id: 'cash',
      layout: 'bar',
      labels,
      axis: o.currency,
      series: [
        {
          label: t.wcInflow,
          kind: 'bar',
          tone: 2,
          values: o.weeks.map((w) => Number(w.inflow)),
          texts: o.weeks.map((w) => money(w.inflow)),
        },
        {
          label: t.wcOutflow,
          kind: 'bar',
          tone: 1,
          values: o.weeks.map((w) => -Number(w.outflow)),
          texts: o.weeks.map((w) => money(w.outflow)),
        },
        {
          label: t.wcClosing,
          kind: 'line',
          tone: 0,
          values: o.weeks.map((w) => Number(w.closing)),
          texts: o.weeks.map((w) => money(w.closing)),
        },
      ],
    },
    table: {
      head: [t.wcWeek, t.wcInflow, t.wcOutflow, t.wcNet, t.wcClosing],
      numeric: [false, true, true, true, true],
      rows: o.weeks.map((w, i) => [
        `${w.week} · ${labels[i]}`,
        money(w.inflow),
        money(w.outflow),
        money(w.net),
        money(w.closing),
      ]),
    },
  };
}

async function dsoCard(session: Session, today: string): Promise<DashboardCard> {
  const t = catalogue[session.lang];
  const ends = monthEnds(today, 12);
  const points = [];
  for (const asOf of ends) points.push((await read(session, receivablesAging, { asOf })).output);
  const last = points.at(-1)!;
  const money = (a: string) => formatAmount(a, last.currency, session.lang);
  const days = (d: number | null) =>
    d === null ? '—' : tr(session.lang, 'wcDays', { n: formatDecimal(d, session.lang) });
  const labels = ends.map((d) => monthName(d, session.lang));
  return {
    id: 'dso',
    title: t.wcDso,
    lead: last.dso === null ? t.wcDsoNone : tr(session.lang, 'wcDsoLead', { days: days(last.dso), n: last.dsoDays }),
    empty: points.some((p) => p.dso !== null) ? undefined : t.wcDsoNone,
    chart: {
      id: 'dso',
      layout: 'bar',
      labels,
      axis: t.wcDaysAxis,
      series: [
        {
          label: 'DSO',
          kind: 'line',
          tone: 0,
          values: points.map((p) => p.dso),
          texts: points.map((p) => days(p.dso)),
        },
      ],
    },
    table: {
      head: [t.wcMonthEnd, 'DSO', t.wcReceivables, t.wcCreditSales],
      numeric: [false, true, true, true],
      rows: points.map((p, i) => [labels[i]!, days(p.dso), money(p.total), money(p.creditSales)]),
    },
  };
}

async function aiCard(session: Session, today: string): Promise<DashboardCard> {
  const t = catalogue[session.lang];
  const ends = monthEnds(today, 12);
  const months = [];
  for (const to of ends) {
    const from = `${to.slice(0, 8)}01`;
    months.push((await read(session, aiDashboardTool, { from, to })).output);
  }
  const { message } = await read(session, aiDashboardTool, { from: `${ends[0]!.slice(0, 8)}01`, to: today });
  const labels = ends.map((d) => monthName(d, session.lang));
  const percent = (p: string | null) => (p === null ? '—' : `${formatDecimal(p, session.lang)} %`);
  const hours = (h: string) => tr(session.lang, 'wcHours', { n: formatDecimal(h, session.lang) });
  return {
    id: 'ai',
    title: t.wcAi,
    lead: message,
    empty: months.some((m) => m.total > 0) ? undefined : t.wcNoAi,
    chart: {
      id: 'ai',
      layout: 'bar',
      labels,
      axis: t.wcHoursAxis,
      rightAxis: t.wcAutoAxis,
      series: [
        {
          label: t.wcHoursSaved,
          kind: 'bar',
          tone: 2,
          values: months.map((m) => Number(m.hoursSaved)),
          texts: months.map((m) => hours(m.hoursSaved)),
        },
        {
          label: t.wcAutoRate,
          kind: 'line',
          tone: 0,
          right: true,
          values: months.map((m) => (m.autoExecutionPercent === null ? null : Number(m.autoExecutionPercent))),
          texts: months.map((m) => percent(m.autoExecutionPercent)),
        },
      ],
    },
    table: {
      head: [t.wcMonth, t.wcAiActions, t.wcAutoRate, t.wcHoursSaved],
      numeric: [false, true, true, true],
      rows: months.map((m, i) => [labels[i]!, String(m.byAi), percent(m.autoExecutionPercent), hours(m.hoursSaved)]),
    },
  };
}

export async function dashboardCards(session: Session, now: Date): Promise<DashboardCard[]> {
  const today = isoDate(now);
  return [
    await cashCard(session),
    await agingCard(session),
    await spendCard(session, 'supplier'),
    await spendCard(session, 'category'),
    await dsoCard(session, today),
    await aiCard(session, today),
  ];
}

export function dashboardsPageRoutes(deps: AppDeps) {
  return new Hono<WebEnv>().get('/dashboards', async (c) => {
    const session = c.get('session');
    return c.html(
      <DashboardsPage
        lang={session.lang}
        browser={c.get('browser')}
        pending={await decidableCount(session)}
        path="/app/dashboards"
        cards={await dashboardCards(session, deps.now())}
      />,
    );
  });
}
