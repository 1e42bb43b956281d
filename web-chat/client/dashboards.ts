/**
 * Draws the dashboards' charts with Chart.js (loaded before this module from /assets/vendor/chart.js,
 * its UMD build from node_modules). The page already holds every figure as a table; the charts add
 * the picture and the same figures on hover. Compiled from TypeScript by esbuild when served, and
 * type-checked with the rest of the project.
 */
import type { Chart as ChartClass, ChartConfiguration, ChartDataset, TooltipItem } from 'chart.js';
import type { ChartBoot, ChartSeries, ChartSpec } from './chart-data.ts';

declare const Chart: typeof ChartClass;

/** Colours with at least 3:1 contrast on white, told apart by more than hue (the line is dashed). */
const PALETTE = ['#1f5f8b', '#b4541a', '#2e7d4f', '#6b4c9a', '#8a6d00'];

function dataset(spec: ChartSpec, s: ChartSeries): ChartDataset<'bar' | 'line', (number | null)[]> {
  const colour = PALETTE[s.tone % PALETTE.length] ?? '#1f5f8b';
  const common = { label: s.label, data: s.values, yAxisID: s.right ? 'right' : 'y' };
  if (s.kind === 'line')
    return {
      ...common,
      type: 'line',
      borderColor: colour,
      backgroundColor: colour,
      borderWidth: 2,
      borderDash: s.tone > 0 ? [6, 4] : [],
      pointRadius: 3,
      spanGaps: false,
      ...(spec.layout === 'horizontal' ? { xAxisID: 'x' } : {}),
    };
  return { ...common, type: 'bar', backgroundColor: colour, borderColor: colour, borderWidth: 0 };
}

function draw(spec: ChartSpec, lang: ChartBoot['lang']): void {
  const canvas = document.getElementById(`chart-${spec.id}`);
  if (!(canvas instanceof HTMLCanvasElement)) return;
  const horizontal = spec.layout === 'horizontal';
  const valueAxis = { beginAtZero: true, title: { display: true, text: spec.axis } };
  const config: ChartConfiguration<'bar' | 'line', (number | null)[], string> = {
    type: 'bar',
    data: { labels: spec.labels, datasets: spec.series.map((s) => dataset(spec, s)) },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: lang === 'fr' ? 'fr-CA' : 'en-CA',
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { display: spec.series.length > 1, position: 'bottom' },
        tooltip: {
          callbacks: {
            // The server's own words for each point: the same text as the table, in the person's language.
            label: (item: TooltipItem<'bar' | 'line'>) => {
              const text = spec.series[item.datasetIndex]?.texts[item.dataIndex] ?? '';
              return `${item.dataset.label ?? ''}${lang === 'fr' ? ' : ' : ': '}${text}`;
            },
          },
        },
      },
      scales: horizontal
        ? { x: valueAxis, y: { ticks: { autoSkip: false } } }
        : {
            x: { ticks: { maxRotation: 0, autoSkip: true } },
            y: valueAxis,
            ...(spec.rightAxis
              ? {
                  right: {
                    position: 'right' as const,
                    beginAtZero: true,
                    grid: { drawOnChartArea: false },
                    title: { display: true, text: spec.rightAxis },
                  },
                }
              : {}),
          },
    },
  };
  new Chart(canvas, config);
}

const boot = document.getElementById('chart-boot');
if (boot?.textContent && typeof Chart === 'function') {
  const data = JSON.parse(boot.textContent) as ChartBoot;
  for (const spec of data.charts) draw(spec, data.lang);
}
