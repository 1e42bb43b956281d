/**
 * What the dashboards page hands its chart script: one entry per chart, each point with the number to
 * plot and the text a person reads on hover (formatted on the server, the same as in the table view).
 * Shared by the server page (pages/dashboards.tsx) and the browser module (client/dashboards.ts).
 */
export interface ChartSeries {
  label: string;
  kind: 'bar' | 'line';
  /** The colour slot in the palette (0 = main). */
  tone: number;
  values: (number | null)[];
  /** What the tooltip says for each point. */
  texts: string[];
  /** Drawn against the right-hand axis (a percentage beside amounts). */
  right?: boolean;
}

export interface ChartSpec {
  id: string;
  /** 'bar' draws bars (stacked when several series); 'horizontal' lays them sideways for long labels. */
  layout: 'bar' | 'horizontal';
  labels: string[];
  series: ChartSeries[];
  /** Text of the value axis. */
  axis: string;
  /** Text of the right-hand axis, when a series uses it. */
  rightAxis?: string;
}

export interface ChartBoot {
  lang: 'fr' | 'en';
  charts: ChartSpec[];
}
