// The extractor switch and the two Mistral providers' own code paths, with a stand-in client that
// returns what the Mistral API would (no key here: the real HTTP calls are not exercised).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeBills, renderBill, truthOf } from '../../../evals/extraction/synthetic-bills.ts';
import { calibrated } from '../../../tools/documents/calibration.ts';
import {
  extractorFor,
  localExtractor,
  markdownLines,
  type MistralClient,
} from '../../../tools/documents/extractors.ts';

const DATA = new URL('../../../../shared/data/invoices/', import.meta.url);

function standIn(answer: { markdown?: string; json?: unknown }): MistralClient & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    ocr: {
      process: async (request) => {
        calls.push(`ocr ${request.document.type}`);
        return { pages: [{ index: 0, markdown: answer.markdown ?? '' }] };
      },
    },
    chat: {
      complete: async () => {
        calls.push('chat');
        return { choices: [{ message: { content: JSON.stringify(answer.json ?? {}) } }] };
      },
    },
  };
}

const MARKDOWN = `# FACTURE
**Fournitures Laurentides inc.**
1250, rue Sherbrooke Ouest
Montréal (Québec) H3A 2M8

No de facture : F-2025-0142
Date de facture : 1er avril 2025

| Description | Qté | Prix unitaire | Montant |
|---|---|---|---|
| Papier (caisse) | 10 | 45,99 $ | 459,90 $ |

| Sous-total | 459,90 $ |
|---|---|
| TPS (5 %) | 23,00 $ |
| TVQ (9,975 %) | 45,88 $ |
| Total | 528,78 $ |

No TPS/TVH : 123456782 RT0001`;

describe('extractorFor', () => {
  it('falls back to the local extractor without a Mistral key, whatever was asked', () => {
    expect(extractorFor({ choice: 'mistral_ocr' })).toBe(localExtractor);
    expect(extractorFor({ choice: 'llm', mistralApiKey: undefined })).toBe(localExtractor);
    expect(extractorFor({}).name).toBe('local');
  });
});

describe('Mistral OCR provider (stand-in client)', () => {
  it('reads fields from the OCR markdown with the same rules and cross-checks', async () => {
    const client = standIn({ markdown: MARKDOWN });
    const result = await extractorFor({ choice: 'mistral_ocr', client }).extract(
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]),
      { filename: 'photo.jpg' },
    );
    expect(client.calls).toEqual(['ocr image_url']);
    if (result.status !== 'extracted') throw new Error(result.reason);
    expect(result).toMatchObject({ extractor: 'mistral_ocr', source: 'ocr' });
    expect(Object.fromEntries(Object.entries(result.fields).map(([k, f]) => [k, f!.value]))).toMatchObject({
      supplierName: 'Fournitures Laurentides inc.',
      invoiceNumber: 'F-2025-0142',
      invoiceDate: '2025-04-01',
      subtotal: '459.90',
      total: '528.78',
      supplierGst: '123456782RT0001',
    });
    expect(result.checks.find((c) => c.name === 'totals_add_up')?.passed).toBe(true);
  });

  it('reads an e-invoice PDF locally without calling the model: exact XML first', async () => {
    const client = standIn({ markdown: '' });
    const result = await extractorFor({ choice: 'mistral_ocr', client }).extract(
      readFileSync(new URL('mustang/pdf/zugferd_invoice.pdf', DATA)),
      { filename: 'z.pdf' },
    );
    expect(client.calls).toEqual([]);
    expect(result).toMatchObject({ status: 'extracted', source: 'xml', extractor: 'local' });
  });

  it('turns a provider error into a provider_failed result instead of throwing', async () => {
    const client = standIn({});
    client.ocr.process = async () => {
      throw new Error('401 Unauthorized');
    };
    expect(
      await extractorFor({ choice: 'mistral_ocr', client }).extract(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), {
        filename: 'x.jpg',
      }),
    ).toMatchObject({ status: 'failed', reason: 'provider_failed' });
  });

  it('converts markdown tables to tab-separated cells', () => {
    expect(markdownLines(['| Total | 528,78 $ |\n|---|---|']).map((l) => l.text)).toEqual(['Total\t528,78 $']);
  });
});

describe('LLM provider (stand-in client)', () => {
  it('confirms the fields it agrees on, fills a missing one at low confidence, and never overrides the rules', async () => {
    const [spec] = makeBills(1);
    const truth = truthOf(spec!);
    const client = standIn({
      json: {
        invoiceNumber: truth.invoiceNumber,
        total: truth.total.replace('.', ','),
        supplierVat: 'FR32123456789',
        subtotal: '1.00',
      },
    });
    const result = await extractorFor({ choice: 'llm', client }).extract(await renderBill(spec!), {
      filename: 'bill.pdf',
    });
    expect(client.calls).toEqual(['chat']);
    if (result.status !== 'extracted') throw new Error(result.reason);
    expect(result.extractor).toBe('llm');
    expect(result.fields.invoiceNumber).toMatchObject({ value: truth.invoiceNumber, confidence: calibrated(0.95) });
    expect(result.fields.supplierVat).toMatchObject({ value: 'FR32123456789', confidence: calibrated(0.6) });
    expect(result.fields.subtotal?.value).toBe(truth.subtotal);
    expect(result.warnings).toContain(
      `subtotal: the model read "1.00", the rules "${truth.subtotal}"; the rules' reading is kept.`,
    );
  });
});
