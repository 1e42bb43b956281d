// The upstream expected outputs of the bank samples in shared/data/bank, reduced to what a
// transaction is for us: amount in minor units, currency, date. See shared/data/SOURCES.md.
import { readFileSync } from 'node:fs';

export interface Expected {
  amountCents: bigint;
  currency: string;
  date: string | null;
}

/** genkgo/camt snapshots: the entries of the message's last record (the dump keeps only those). */
export function camtExpected(jsonPath: string): Expected[] {
  const message = JSON.parse(readFileSync(jsonPath, 'utf8'));
  return (message.getEntries ?? []).map(
    (e: {
      getAmount: { getAmount: string; getCurrency: { getCode: string } };
      getBookingDate?: { 0: string } | null;
    }) => ({
      amountCents: BigInt(e.getAmount.getAmount),
      currency: e.getAmount.getCurrency.getCode,
      date: e.getBookingDate?.[0]?.slice(0, 10) ?? null,
    }),
  );
}

/**
 * WoLpH/mt940 PyYAML dumps, read line by line for the three fields we compare: python tags
 * (Decimal, Date as 4 packed bytes) are no YAML a JavaScript parser knows.
 */
export function mt940Expected(ymlPath: string): Expected[] {
  const lines = readFileSync(ymlPath, 'utf8').split('\n');
  const out: Expected[] = [];
  let current: { amount?: string; currency?: string; date?: string } | null = null;
  const flush = () => {
    if (current?.amount !== undefined) {
      const [whole, fraction = ''] = current.amount.replace('-', '').split('.');
      const cents = BigInt(whole!) * 100n + BigInt(`${fraction}00`.slice(0, 2));
      out.push({
        amountCents: current.amount.startsWith('-') ? -cents : cents,
        currency: current.currency ?? '',
        date: current.date ?? null,
      });
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('- !!python/object:mt940.models.Transaction')) {
      flush();
      current = {};
      continue;
    }
    if (!current) continue;
    const amount = /^ {6}amount: !!python\/object\/apply:decimal\.Decimal \['([^']+)'\]/.exec(line);
    if (amount && current.amount === undefined) current.amount = amount[1];
    const currency = /^ {4}currency: (\w{3})$/.exec(line);
    if (currency) current.currency = currency[1];
    if (/^ {4}date: !!python\/object\/apply:mt940\.models\.Date/.test(line)) {
      const bytes = Buffer.from(lines[i + 2]!.trim(), 'base64');
      current.date = `${bytes.readUInt16BE(0)}-${String(bytes[2]).padStart(2, '0')}-${String(bytes[3]).padStart(2, '0')}`;
    }
  }
  flush();
  return out;
}
