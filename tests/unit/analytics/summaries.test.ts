/** The dashboards' one-line summaries, as people read them in French and English. */
import { describe, expect, it } from 'vitest';
import { aiDashboardTool } from '../../../tools/analytics/ai-dashboard.ts';
import { receivablesAging } from '../../../tools/analytics/ar-aging.ts';
import { AGING_BUCKETS } from '../../../tools/analytics/model.ts';

const aging = (dso: number | null) => ({
  asOf: '2026-11-26',
  currency: 'CAD',
  total: '1250.00',
  buckets: Object.fromEntries(
    AGING_BUCKETS.map((b) => [b, { amount: b === 'over_90' ? '250.00' : '0.00', invoices: 1 }]),
  ) as never,
  dso,
  creditSales: '5000.00',
  dsoDays: 90,
  receivablesForDso: '0.00',
  reconciledPayments: { payments: 0, reconciled: 0 },
});

const dashboard = { byAi: 12, autoExecutionPercent: '62.50', hoursSaved: '1.5' };

describe('dashboard summaries', () => {
  it('write decimals the way each language does', () => {
    const ai = (lang: 'fr' | 'en') => aiDashboardTool.summarize!(dashboard as never, lang);
    expect(ai('fr')).toBe("12 action(s) de l'IA, 62,5 % exécutées d'office, environ 1,5 h gagnées.");
    expect(ai('en')).toBe('12 AI action(s), 62.5% executed at once, about 1.5 h saved.');
    expect(receivablesAging.summarize!(aging(22.5), 'fr')).toContain('DSO 22,5 jours.');
    expect(receivablesAging.summarize!(aging(22.5), 'en')).toContain('DSO 22.5 days.');
  });

  it('say why there is no DSO instead of "n/d jours"', () => {
    expect(receivablesAging.summarize!(aging(null), 'fr')).toMatch(
      /; DSO non calculable \(aucune vente à crédit sur la période\)\.$/,
    );
    expect(receivablesAging.summarize!(aging(null), 'en')).toMatch(/; no DSO \(no credit sales in the period\)\.$/);
  });
});
