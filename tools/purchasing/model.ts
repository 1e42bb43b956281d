/** Pure rules of purchase orders: which status may follow which. */
export const ORDER_STATUSES = [
  'draft',
  'pending_approval',
  'approved',
  'sent',
  'confirmed',
  'partially_received',
  'received',
  'invoiced',
  'completed',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The lifecycle: draft → approved → sent → confirmed → (partially) received → invoiced → completed, or cancelled. */
const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  draft: ['pending_approval', 'approved', 'cancelled'],
  pending_approval: ['approved', 'draft', 'cancelled'],
  approved: ['sent', 'cancelled'],
  sent: ['confirmed', 'partially_received', 'received', 'cancelled'],
  confirmed: ['partially_received', 'received', 'cancelled'],
  partially_received: ['partially_received', 'received'],
  received: ['invoiced', 'completed'],
  invoiced: ['completed'],
  completed: [],
  cancelled: [],
};

export const canMove = (from: OrderStatus, to: OrderStatus): boolean => NEXT[from].includes(to);
export const nextStatuses = (from: OrderStatus): readonly OrderStatus[] => NEXT[from];

/** Quantities are exact decimals with up to 4 places, compared as integer ten-thousandths. */
const QUANTITY_SCALE = 10_000n;

/** "2.5" → 25000n. Inputs are validated by the Quantity schema or come from numeric(14,4) columns. */
export function quantityUnits(text: string): bigint {
  const match = /^(\d+)(?:\.(\d{1,4}))?$/.exec(text.trim());
  if (!match) throw new Error(`Not a quantity: '${text}'`);
  return BigInt(match[1]!) * QUANTITY_SCALE + BigInt((match[2] ?? '').padEnd(4, '0'));
}

/** 25000n → "2.5" (no trailing zeros). */
export function quantityText(units: bigint): string {
  const whole = units / QUANTITY_SCALE;
  const fraction = (units % QUANTITY_SCALE).toString().padStart(4, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

/**
 * The unit price of a product for a quantity: the bulk price from the threshold quantity on
 * (inclusive: 100 units at a threshold of 100 get the bulk price), the list price below it.
 */
export function unitPriceFor(
  product: { unitPriceCents: bigint; bulkPriceCents: bigint | null; bulkThreshold: string | null },
  quantity: string,
): { unitPriceCents: bigint; bulk: boolean } {
  const { bulkPriceCents, bulkThreshold } = product;
  if (bulkPriceCents !== null && bulkThreshold !== null && quantityUnits(quantity) >= quantityUnits(bulkThreshold)) {
    return { unitPriceCents: bulkPriceCents, bulk: true };
  }
  return { unitPriceCents: product.unitPriceCents, bulk: false };
}

export interface ReceiptItem {
  id: string;
  description: string;
  quantity: string;
  quantityReceived: string;
}

export type ReceiptProblem =
  | { kind: 'unknown_item'; itemId: string }
  | {
      kind: 'over_receipt';
      itemId: string;
      description: string;
      ordered: string;
      alreadyReceived: string;
      receiving: string;
    };

/**
 * What a delivery does to an order: the new received quantity of each item and the order status
 * (received when every item is complete, partially received otherwise). Receiving more than was
 * ordered is refused; an over-delivery is returned or becomes a new order, not a silent change.
 */
export function applyReceipt(
  items: readonly ReceiptItem[],
  lines: readonly { itemId: string; quantity: string }[],
):
  | { ok: true; received: { itemId: string; quantityReceived: string }[]; status: 'partially_received' | 'received' }
  | { ok: false; problems: ReceiptProblem[] } {
  const receiving = new Map<string, bigint>();
  for (const line of lines)
    receiving.set(line.itemId, (receiving.get(line.itemId) ?? 0n) + quantityUnits(line.quantity));
  const problems: ReceiptProblem[] = [];
  const byId = new Map(items.map((i) => [i.id, i]));
  for (const [itemId, units] of receiving) {
    const item = byId.get(itemId);
    if (!item) {
      problems.push({ kind: 'unknown_item', itemId });
      continue;
    }
    if (quantityUnits(item.quantityReceived) + units > quantityUnits(item.quantity)) {
      problems.push({
        kind: 'over_receipt',
        itemId,
        description: item.description,
        ordered: quantityText(quantityUnits(item.quantity)),
        alreadyReceived: quantityText(quantityUnits(item.quantityReceived)),
        receiving: quantityText(units),
      });
    }
  }
  if (problems.length) return { ok: false, problems };
  const received = items.map((i) => ({
    itemId: i.id,
    quantityReceived: quantityText(quantityUnits(i.quantityReceived) + (receiving.get(i.id) ?? 0n)),
  }));
  const complete = items.every((i, k) => quantityUnits(received[k]!.quantityReceived) >= quantityUnits(i.quantity));
  return { ok: true, received, status: complete ? 'received' : 'partially_received' };
}

export interface DeliveryHistory {
  /** The date the supplier promised; orders without one are not scored. */
  expectedOn: string | null;
  status: OrderStatus;
  /** Total quantity ordered over all items (units × 10 000, see quantityUnits). */
  orderedUnits: bigint;
  receipts: readonly { receivedOn: string; units: bigint }[];
}

export interface SupplierPerformance {
  /** 0–100, or null when no delivery was due yet. */
  score: number | null;
  dueOrders: number;
  onTimeOrders: number;
  lateOrders: number;
  /** Mean days late of the orders completed after their expected date (0 when none). */
  averageDaysLate: number;
}

const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

/**
 * Delivery performance of a supplier, the formula people see in the supplier card:
 *   score = round(100 × mean over due orders of min(1, quantity received by the expected date ÷ quantity ordered))
 * An order is due when it has an expected date on or before `asOf` and was sent to the supplier (not a
 * draft, not awaiting approval, not cancelled). A complete delivery on time counts 1, half of it on time
 * 0.5, nothing on time 0 — so a late order costs the same whether it came a day or a month late, and the
 * lateness itself is reported apart (averageDaysLate), from the receipt that completed the order.
 */
export function supplierPerformance(orders: readonly DeliveryHistory[], asOf: string): SupplierPerformance {
  const NOT_SENT: readonly OrderStatus[] = ['draft', 'pending_approval', 'approved', 'cancelled'];
  const due = orders.filter(
    (o) => o.expectedOn !== null && o.expectedOn <= asOf && !NOT_SENT.includes(o.status) && o.orderedUnits > 0n,
  );
  if (!due.length) return { score: null, dueOrders: 0, onTimeOrders: 0, lateOrders: 0, averageDaysLate: 0 };
  let shareSum = 0;
  let onTime = 0;
  const lateDays: number[] = [];
  for (const order of due) {
    const expected = order.expectedOn!;
    const inTime = order.receipts.filter((r) => r.receivedOn <= expected).reduce((s, r) => s + r.units, 0n);
    const share = inTime >= order.orderedUnits ? 1 : Number((inTime * 10_000n) / order.orderedUnits) / 10_000;
    shareSum += share;
    if (share === 1) onTime++;
    // The day the order became complete, if it did: the receipt that crossed the ordered quantity.
    let cumulative = 0n;
    for (const r of [...order.receipts].sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : 1))) {
      cumulative += r.units;
      if (cumulative >= order.orderedUnits) {
        if (r.receivedOn > expected) lateDays.push(dayNumber(r.receivedOn) - dayNumber(expected));
        break;
      }
    }
  }
  const averageDaysLate = lateDays.length
    ? Math.round((lateDays.reduce((s, d) => s + d, 0) / lateDays.length) * 10) / 10
    : 0;
  return {
    score: Math.round((100 * shareSum) / due.length),
    dueOrders: due.length,
    onTimeOrders: onTime,
    lateOrders: due.length - onTime,
    averageDaysLate,
  };
}
