import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import { modelNotice } from '../../../http/start-notice.ts';

describe('what the server says about the model at start', () => {
  it('without a model: says what still works, that chat takes slash commands, and how to add a model', () => {
    const text = modelNotice(loadConfig({})).join('\n');
    expect(text).toMatch(/^No chat model configured\./);
    expect(text).toContain('slash commands only: /po, /invoice');
    expect(text).toContain('MISTRAL_API_KEY=');
    expect(text).toContain('OPENAI_BASE_URL=http://127.0.0.1:11434/v1');
  });

  it('with a Mistral key: names the model and nothing else', () => {
    expect(modelNotice(loadConfig({ MISTRAL_API_KEY: 'k' }))).toEqual(['Chat model: Mistral · mistral-medium-latest.']);
  });
});
