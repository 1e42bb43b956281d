/** Analytics: spend, receivables aging and DSO, cash-flow forecast, supplier performance, the AI dashboard. */
import { aiDashboardTool } from './ai-dashboard.ts';
import { receivablesAging } from './ar-aging.ts';
import { cashFlow } from './cash-flow.ts';
import { spendAnalysis } from './spend.ts';
import { supplierScorecard } from './supplier-performance.ts';

export const analyticsTools = [spendAnalysis, receivablesAging, cashFlow, supplierScorecard, aiDashboardTool];
