/**
 * What the server says at start about the model: which one the chat uses, or, without one, what
 * still works and how to add one. The README's Start section says the same.
 */
import type { Config } from '../config.ts';
import { chatModelFrom } from '../agent/model.ts';

export function modelNotice(config: Config): string[] {
  const { model, label } = chatModelFrom(config);
  if (model) return [`Chat model: ${label}.`];
  return [
    'No chat model configured. Everything else works without one: the web app (approvals inbox, documents,',
    'bank, dashboards, settings), bills read from PDFs, e-invoices and photos (offline OCR), email intake,',
    'the REST API and the MCP server. The chat answers slash commands only: /po, /invoice, /remind,',
    '/reconcile, /approve, /reject, /help.',
    'To add a model: MISTRAL_API_KEY=<key> npm start (Mistral), or any OpenAI-compatible server, e.g. Ollama:',
    '  OPENAI_BASE_URL=http://127.0.0.1:11434/v1 OPENAI_MODEL=llama3.1 npm start',
  ];
}
