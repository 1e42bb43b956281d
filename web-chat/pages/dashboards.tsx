/**
 * The dashboards screen: one card per chart, each with its one-sentence summary, the chart (drawn by
 * client/dashboards.ts with Chart.js, figures on hover) and the same figures as a table a screen
 * reader or a person without scripts reads. The figures travel to the chart script as data, never as
 * text on the page.
 */
import { raw } from 'hono/html';
import type { ChartBoot, ChartSpec } from '../client/chart-data.ts';
import { catalogue } from '../i18n.ts';
import { type Frame, Layout } from './layout.tsx';

export interface DashboardCard {
  id: string;
  title: string;
  /** One sentence a person reads first. */
  lead: string;
  chart: ChartSpec;
  table: { head: string[]; rows: string[][]; numeric: boolean[] };
  /** A warning or an explanation under the chart (where the forecast starts from). */
  note?: string;
  /** Nothing to draw yet: the sentence says why. */
  empty?: string;
}

/** JSON inside a script element: "</script>" and friends must not end it early. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028|\u2029/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);

function Card({ card, lang }: { card: DashboardCard; lang: Frame['lang'] }) {
  const t = catalogue[lang];
  return (
    <section class="card dashboard" aria-labelledby={`title-${card.id}`} data-card={card.id}>
      <h2 id={`title-${card.id}`}>{card.title}</h2>
      <p class="summary">{card.lead}</p>
      {card.empty ? (
        <p class="muted">{card.empty}</p>
      ) : (
        <>
          <div class="chart-box">
            <canvas id={`chart-${card.id}`} role="img" aria-label={`${card.title}. ${card.lead}`} />
          </div>
          {card.note ? <p class="muted note">{card.note}</p> : null}
          <details class="table-view">
            <summary>{t.wcTableView}</summary>
            <section class="table-scroll" tabindex={0} aria-label={card.title}>
              <table class="grid">
                <caption class="visually-hidden">{card.title}</caption>
                <thead>
                  <tr>
                    {card.table.head.map((h, i) => (
                      <th scope="col" class={card.table.numeric[i] ? 'num' : undefined}>
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {card.table.rows.map((row) => (
                    <tr>
                      {row.map((cell, i) =>
                        i === 0 ? (
                          <th scope="row">{cell}</th>
                        ) : (
                          <td class={card.table.numeric[i] ? 'num' : undefined}>{cell}</td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </details>
        </>
      )}
    </section>
  );
}

export function DashboardsPage(p: Frame & { cards: DashboardCard[] }) {
  const t = catalogue[p.lang];
  const boot: ChartBoot = { lang: p.lang, charts: p.cards.filter((c) => !c.empty).map((c) => c.chart) };
  return (
    <Layout {...p} page="dashboards" title={t.dashboardsTitle}>
      <h1>{t.dashboardsTitle}</h1>
      <p class="lead">{t.wcDashboardsLead}</p>
      <div class="cards dashboards">
        {p.cards.map((card) => (
          <Card card={card} lang={p.lang} />
        ))}
      </div>
      <script id="chart-boot" type="application/json">
        {raw(scriptJson(boot))}
      </script>
      <script src="/assets/vendor/chart.js" />
      <script type="module" src="/assets/client/dashboards.js" />
    </Layout>
  );
}
