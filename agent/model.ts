/**
 * The chat model, chosen from configuration: Mistral when MISTRAL_API_KEY is set, any
 * OpenAI-compatible server (Ollama, vLLM, …) when OPENAI_BASE_URL is set, otherwise none — the chat
 * then says how to configure one and still serves slash commands. Tests pass a scripted model instead.
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatMistralAI } from '@langchain/mistralai';
import { ChatOpenAI } from '@langchain/openai';
import type { Config } from '../config.ts';
import type { Lang } from '../tools/context.ts';

export type ChatModel = BaseChatModel;

export interface ModelChoice {
  model: ChatModel | null;
  /** Shown in the UI: which provider and model answer. */
  label: string;
}

export function chatModelFrom(
  config: Pick<Config, 'MISTRAL_API_KEY' | 'MISTRAL_MODEL' | 'OPENAI_BASE_URL' | 'OPENAI_API_KEY' | 'OPENAI_MODEL'>,
): ModelChoice {
  if (config.MISTRAL_API_KEY) {
    // Temperature 0: the same request should lead to the same tool calls.
    return {
      // No retries of its own: the agent's loop retries and tells the person while they wait (run.ts).
      model: new ChatMistralAI({
        apiKey: config.MISTRAL_API_KEY,
        model: config.MISTRAL_MODEL,
        temperature: 0,
        maxRetries: 0,
      }),
      label: `Mistral · ${config.MISTRAL_MODEL}`,
    };
  }
  if (config.OPENAI_BASE_URL) {
    return {
      model: new ChatOpenAI({
        model: config.OPENAI_MODEL,
        temperature: 0,
        maxRetries: 0,
        streamUsage: true,
        // Local servers (Ollama, vLLM) ignore the key, but the client requires one.
        apiKey: config.OPENAI_API_KEY ?? 'not-needed',
        configuration: { baseURL: config.OPENAI_BASE_URL },
      }),
      label: `${config.OPENAI_MODEL} · ${config.OPENAI_BASE_URL}`,
    };
  }
  return { model: null, label: 'none' };
}

export const noModelMessage: Record<Lang, string> = {
  fr:
    "Aucun modèle d'IA n'est configuré, je ne peux donc pas comprendre de texte libre. Pour en activer un, " +
    'définissez MISTRAL_API_KEY (et au besoin MISTRAL_MODEL), ou OPENAI_BASE_URL (+ OPENAI_API_KEY, OPENAI_MODEL) ' +
    'pour un serveur compatible OpenAI comme Ollama ou vLLM, puis redémarrez Comptoir. Les commandes fonctionnent ' +
    'sans modèle : tapez /help.',
  en:
    'No AI model is configured, so I cannot understand free text. To enable one, set MISTRAL_API_KEY (and ' +
    'MISTRAL_MODEL if needed), or OPENAI_BASE_URL (+ OPENAI_API_KEY, OPENAI_MODEL) for an OpenAI-compatible ' +
    'server such as Ollama or vLLM, then restart Comptoir. Commands work without a model: type /help.',
};
