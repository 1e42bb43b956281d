/**
 * The list of every tool Comptoir has: the agent, the MCP server, REST routes, slash commands and
 * jobs all read it. Adding a tool is one file in its area plus one line in that area's index.
 */
import type { AnyTool } from './define.ts';
import { actionTools } from './actions/index.ts';
import { analyticsTools } from './analytics/index.ts';
import { bankingTools } from './banking/index.ts';
import { billTools } from './bills/index.ts';
import { exportTools } from './exports/index.ts';
import { invoicingTools } from './invoicing/index.ts';
import { purchasingTools } from './purchasing/index.ts';
import { documentTools } from './documents/list-documents.ts';
import { recordTools } from './records/get-trail.ts';
import { reminderTools } from './reminders/index.ts';
import { settingsTools } from './settings/index.ts';
import { provideToolLookup } from './tool-lookup.ts';

export const registry: readonly AnyTool[] = [
  ...actionTools,
  ...purchasingTools,
  ...billTools,
  ...analyticsTools,
  ...exportTools,
  ...invoicingTools,
  ...reminderTools,
  ...settingsTools,
  ...bankingTools,
  ...documentTools,
  ...recordTools,
];

const byName = new Map(registry.map((t) => [t.name, t]));
if (byName.size !== registry.length) throw new Error('Two tools share a name in tools/registry.ts');

export const toolByName = (name: string): AnyTool | undefined => byName.get(name);
provideToolLookup(toolByName);
