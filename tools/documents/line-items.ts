/**
 * Line items in a bill's text: a row "description, quantity, unit price, amount" is taken only when
 * quantity × unit price = amount (to the cent, through `mulQuantity`), so a row of unrelated numbers
 * is never read as an item.
 */
import { fromMinor, mulQuantity } from '../money.ts';
import { findAmounts } from './amounts.ts';
import { AMOUNT_LABELS, TAX_LABELS } from './labels.ts';
import type { ExtractedLine } from './schemas.ts';
import type { TextLine } from './text-fields.ts';

const QUANTITY = /(?:^|[\s|])(\d{1,5}(?:[.,]\d{1,4})?)\s*(?:x|×|pcs|pc|u\.?|units?|h|hrs?|heures?|unités?)?\s*$/i;

export function readLineItems(lines: TextLine[], currency: string): ExtractedLine[] {
  const items: ExtractedLine[] = [];
  for (const line of lines) {
    const text = line.text.replace(/\t/g, '  ');
    if (AMOUNT_LABELS.some((l) => l.regex.test(text)) || (TAX_LABELS.some((t) => t.regex.test(text)) && /%/.test(text))) continue;
    const amounts = findAmounts(text, currency);
    if (amounts.length < 2) continue;
    const amount = amounts[amounts.length - 1]!;
    const unit = amounts[amounts.length - 2]!;
    const head = text.slice(0, unit.index).replace(/[€$]\s*$/, '').trimEnd();
    const qty = QUANTITY.exec(head);
    if (!qty) continue;
    const quantity = qty[1]!.replace(',', '.');
    const description = head.slice(0, qty.index).replace(/[\s|:-]+$/, '').trim();
    if (!/[A-Za-zÀ-ÿ]{2}/.test(description) || Number(quantity) === 0) continue;
    let product: bigint;
    try {
      product = mulQuantity(unit.minor, quantity);
    } catch {
      continue;
    }
    if (product !== amount.minor) continue;
    items.push({
      description,
      quantity: quantity.replace(/\.0+$/, ''),
      unitPrice: fromMinor(unit.minor, currency),
      amount: fromMinor(amount.minor, currency),
      confidence: 0.9 * line.confidence,
    });
  }
  return items;
}
