/**
 * Line items in a bill's text: a row "description, quantity, unit price, amount" is taken only when
 * quantity × unit price = amount (to the cent, through `mulQuantity`), so a row of unrelated numbers
 * is never read as an item.
 */
import { fromMinor, mulQuantity } from '../money.ts';
import { findAmounts, type FoundAmount } from './amounts.ts';
import { AMOUNT_LABELS, TAX_LABELS } from './labels.ts';
import type { ExtractedLine } from './schemas.ts';
import type { TextLine } from './text-line.ts';

const QUANTITY = /(?:^|[\s|])(\d{1,5}(?:[.,]\d{1,4})?)\s*(?:x|×|pcs|pc|u\.?|units?|h|hrs?|heures?|unités?)?\s*$/i;

export function readLineItems(lines: TextLine[], currency: string): ExtractedLine[] {
  const items: ExtractedLine[] = [];
  for (const line of lines) {
    const text = line.text.replace(/\t/g, '  ');
    if (AMOUNT_LABELS.some((l) => l.regex.test(text)) || (TAX_LABELS.some((t) => t.regex.test(text)) && /%/.test(text)))
      continue;
    const amounts = findAmounts(text, currency);
    if (amounts.length < 2) continue;
    const amount = amounts[amounts.length - 1]!;
    const unit = amounts[amounts.length - 2]!;
    const item = asItem(text, unit, amount) ?? splitQuantity(text, unit, amount, currency);
    if (!item) continue;
    const { description, quantity } = item;
    items.push({
      description,
      quantity: quantity.replace(/\.0+$/, ''),
      unitPrice: fromMinor(item.unit, currency),
      amount: fromMinor(amount.minor, currency),
      confidence: 0.9 * line.confidence,
    });
  }
  return items;
}

interface Item {
  description: string;
  quantity: string;
  unit: bigint;
}

/** "Chairs 2 150,35 $ 300,70 $": the quantity is the number just before the unit price. */
function asItem(
  text: string,
  unit: FoundAmount,
  amount: FoundAmount,
  unitMinor = unit.minor,
  headEnd = unit.index,
): Item | undefined {
  const head = text
    .slice(0, headEnd)
    .replace(/[€$]\s*$/, '')
    .trimEnd();
  const qty = QUANTITY.exec(head);
  if (!qty) return undefined;
  const quantity = qty[1]!.replace(',', '.');
  const description = head
    .slice(0, qty.index)
    .replace(/[\s|:-]+$/, '')
    .trim();
  if (!/[A-Za-zÀ-ÿ]{2}/.test(description) || !/[1-9]/.test(quantity)) return undefined;
  try {
    return mulQuantity(unitMinor, quantity) === amount.minor ? { description, quantity, unit: unitMinor } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * "Binders 2 111,42 $ 222,84 $" reads as one amount 2 111,42 (a space also groups thousands in
 * French); when that reading fails the product check, the first group is tried as the quantity.
 */
function splitQuantity(text: string, unit: FoundAmount, amount: FoundAmount, currency: string): Item | undefined {
  const m = /^(\d{1,3})[ \u00a0\u202f](.+)$/.exec(unit.raw);
  if (!m) return undefined;
  const rest = findAmounts(m[2]!, currency)[0];
  if (!rest) return undefined;
  const headEnd = unit.index + m[1]!.length;
  return asItem(text, unit, amount, rest.minor, headEnd);
}
