/**
 * A statement whose lines do not add up from its opening to its closing balance is not imported
 * silently: it is imported, and the person is told both balances and the difference, in their
 * language, in the answer and in the action's evidence.
 */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { bankTransactions } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { propose } from '../../../tools/actions/door.ts';
import { importStatement } from '../../../tools/banking/import-statement.ts';
import type { Session } from '../../../tools/context.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';

const bank = new URL('../../../../shared/data/bank/', import.meta.url);
const sample = (path: string) => readFileSync(new URL(path, bank), 'latin1');
/** Amounts are written with no-break spaces in French; compare them as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

/** A camt.053 statement with an opening and a closing booked balance, as a bank would send it. */
function camt(
  opening: string,
  closing: string,
  entries: { amount: string; dir: 'CRDT' | 'DBIT'; ref: string; status?: string }[],
) {
  const bal = (code: string, amount: string) =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="CAD">${amount.replace('-', '')}</Amt><CdtDbtInd>${amount.startsWith('-') ? 'DBIT' : 'CRDT'}</CdtDbtInd><Dt><Dt>2026-03-01</Dt></Dt></Bal>`;
  const ntry = entries
    .map(
      (e) =>
        `<Ntry><Amt Ccy="CAD">${e.amount}</Amt><CdtDbtInd>${e.dir}</CdtDbtInd><Sts>${e.status ?? 'BOOK'}</Sts><BookgDt><Dt>2026-03-01</Dt></BookgDt><AcctSvcrRef>${e.ref}</AcctSvcrRef><NtryDtls><TxDtls><RmtInf><Ustrd>Paiement ${e.ref}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-03-02T18:00:00</CreDtTm></GrpHdr>
<Stmt><Id>RELEVE-0301</Id><CreDtTm>2026-03-02T18:00:00</CreDtTm><Acct><Id><Othr><Id>815-30-1234567</Id></Othr></Id><Ccy>CAD</Ccy><Nm>Compte courant</Nm></Acct>
${bal('OPBD', opening)}${bal('CLBD', closing)}
${ntry}</Stmt></BkToCstmrStmt></Document>`;
}

type Imported = { imported: number; skipped: number; unbalanced: unknown[] };

let handle: DatabaseHandle;
let co: Awaited<ReturnType<typeof makeCompany>>;
const importAs = (session: Session, content: string) =>
  propose(session, importStatement, { content }, { source: 'rest', byAi: false });

beforeAll(async () => {
  handle = await freshDatabase();
  co = await makeCompany(handle.db);
});
afterAll(() => handle?.close());

describe('a statement that does not add up', () => {
  it('is imported with a French warning naming both balances and the difference, also in the evidence', async () => {
    // ING's sample: 0.00 − 45.59 over seven lines, yet the bank closes at 3.47.
    const out = await importAs(co.session('manager', 'fr'), sample('mt940/jejik/ing.sta'));
    expect(out.status).toBe('executed');
    const result = out.result as Imported;
    expect(result).toMatchObject({ imported: 7, skipped: 0 });
    expect(result.unbalanced).toEqual([
      {
        account: '0001234567',
        statement: 'MPBZ',
        opening: { amount: '0.00', currency: 'EUR' },
        closing: { amount: '3.47', currency: 'EUR' },
        lines: 7,
        linesTotal: { amount: '-45.59', currency: 'EUR' },
        difference: { amount: '49.06', currency: 'EUR' },
        currencies: ['EUR'],
      },
    ]);
    const warning =
      'Le relevé MPBZ du compte 0001234567 ne s’équilibre pas : solde d’ouverture 0,00 € + 7 opération(s) totalisant -45,59 € = -45,59 €, ' +
      'mais le solde de clôture est de 3,47 € (écart de 49,06 €).';
    expect(plain(out.message)).toBe(
      `Action n° ${out.number} exécutée. 7 opération(s) importée(s) depuis un relevé MT940, 0 déjà connue(s). ${warning} ` +
        'Les opérations ont quand même été importées : comparez-les avec votre banque avant de les rapprocher.',
    );
    expect(
      out.evidence.filter((e) => e.factor === 'statement_unbalanced').map((e) => ({ ...e, detail: plain(e.detail) })),
    ).toEqual([{ factor: 'statement_unbalanced', weight: -0.3, detail: warning }]);
  });

  it('says so in English, to the cent, for a camt.053 statement', async () => {
    // 1 000.00 + 250.00 − 75.10 = 1 174.90; the bank closes at 1 174.89.
    const file = camt('1000.00', '1174.89', [
      { amount: '250.00', dir: 'CRDT', ref: 'C-1' },
      { amount: '75.10', dir: 'DBIT', ref: 'C-2' },
    ]);
    const out = await importAs(co.session('accountant'), file);
    expect(out.result).toMatchObject({
      imported: 2,
      unbalanced: [{ statement: 'RELEVE-0301', difference: { amount: '-0.01', currency: 'CAD' } }],
    });
    expect(out.message).toContain(
      'Statement RELEVE-0301 of account Compte courant does not add up: opening balance $1,000.00 + 2 transaction(s) totalling $174.90 = $1,174.90, ' +
        'but the closing balance is $1,174.89 (difference $0.01). The transactions were imported anyway: compare them with your bank before reconciling.',
    );
    const rows = await withTenant(handle.db, co.tenant.id, (tx) =>
      tx.select().from(bankTransactions).where(eq(bankTransactions.externalId, 'bank:C-2')),
    );
    expect(rows.map((r) => r.amountCents)).toEqual([-7510n]);
  });

  it('says when the balances are in another currency than each other and cannot be checked', async () => {
    const out = await importAs(co.session('manager'), sample('camt/camt053.v2.minimal.xml'));
    expect(out.result).toMatchObject({
      imported: 1,
      unbalanced: [{ linesTotal: null, difference: null, currencies: ['EUR', 'SEK'] }],
    });
    expect(plain(out.message)).toMatch(
      /cannot be checked: its balances and transactions are in several currencies \(EUR, SEK\); opening balance €18\.15, closing balance -SEK 27\.00\./,
    );
  });
});

describe('a statement that adds up', () => {
  it('is imported with no warning, pages and a pending camt entry included', async () => {
    const generic = await importAs(co.session('manager', 'fr'), sample('mt940/jejik/generic.sta'));
    expect(generic.result).toMatchObject({ imported: 2, unbalanced: [] });
    expect(plain(generic.message)).toBe(
      `Action n° ${generic.number} exécutée. 2 opération(s) importée(s) depuis un relevé MT940, 0 déjà connue(s).`,
    );
    // The pending 40.00 is imported but is not in the booked closing balance: 500.00 + 20.00 = 520.00.
    const pending = camt('500.00', '520.00', [
      { amount: '20.00', dir: 'CRDT', ref: 'P-1' },
      { amount: '40.00', dir: 'DBIT', ref: 'P-2', status: 'PDNG' },
    ]);
    const out = await importAs(co.session('manager'), pending);
    expect(out.result).toMatchObject({ imported: 2, unbalanced: [] });
    expect(out.evidence.map((e) => e.factor)).toEqual(['person_request']);
  });
});
