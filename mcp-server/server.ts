/**
 * One MCP server for one authenticated person on one tenant: the registry tools, the two approval
 * tools that ask the person to confirm, resources and prompts. Stdio and HTTP both build it here.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import pkg from '../package.json' with { type: 'json' };
import type { Lang, Session } from '../tools/context.ts';
import { registerApprovalTools } from './approvals.ts';
import { registerDescribeTool } from './describe.ts';
import { registerPrompts } from './prompts.ts';
import { type ListDetail, registerRegistryTools, shareToolList } from './register.ts';
import { registerResources } from './resources.ts';

const instructions: Record<Lang, string> = {
  en:
    'Comptoir is the back office of one company (purchasing, bills, invoicing). Every change goes through its action ' +
    'door: an answer "Pending approval #N" means nothing happened yet and a person must approve it — say so, do ' +
    'not retry. Amounts are decimal strings ("1250.00"). Look ids up with the list/find tools before using them. ' +
    'A write tool answers { action, result }: the action (number, status, message to show) and, once executed, ' +
    'what the tool made. tools/list is short; tools_describe gives any tool in full.',
  fr:
    "Comptoir est l'arrière-boutique d'une entreprise (achats, factures fournisseurs et clients). Toute modification passe par sa " +
    "porte d'actions : une réponse « En attente d'approbation n° N » veut dire que rien n'est encore fait et " +
    'qu\'une personne doit approuver — dis-le, ne réessaie pas. Les montants sont des chaînes décimales ("1250.00"). ' +
    'Cherche les identifiants avec les outils de liste ou de recherche avant de les utiliser. ' +
    "Un outil d'écriture répond { action, result } : l'action (numéro, statut, message à montrer) et, une fois " +
    "exécutée, ce que l'outil a produit. tools/list est abrégé ; tools_describe donne un outil en entier.",
};

/**
 * `toolsets` narrows the tools to some areas (purchasing, bills…); by default every area. `detail`
 * says how much tools/list carries (register.ts).
 */
export function buildMcpServer(
  session: Session,
  toolsets?: readonly string[],
  detail: ListDetail = 'summary',
): McpServer {
  const server = new McpServer(
    { name: 'comptoir', title: 'Comptoir', version: pkg.version },
    {
      capabilities: { tools: {}, resources: {}, prompts: {}, completions: {} },
      instructions: instructions[session.lang],
    },
  );
  registerRegistryTools(server, session, toolsets);
  registerApprovalTools(server, session);
  registerDescribeTool(server);
  registerResources(server, session);
  registerPrompts(server, session);
  shareToolList(server, session.lang, session.actor.role, toolsets, detail);
  return server;
}
