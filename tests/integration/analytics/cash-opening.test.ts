/**
 * The cash forecast starts from the bank balance the imported statements state (moved by the lines
 * booked since), not from 0: a camt.053 closing at 12 500.00, then a CSV line of −500.00 booked after
 * it, starts the forecast at 12 000.00. Without any statement it says it starts from nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { propose } from '../../../tools/actions/door.ts';
import { cashFlow } from '../../../tools/analytics/cash-flow.ts';
import { importStatement } from '../../../tools/banking/import-statement.ts';
import { invoke } from '../../../tools/invoke.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';

const camt = (
  closingOn: string,
  opening: string,
  closing: string,
  amount: string,
) => `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId><CreDtTm>${closingOn}T18:00:00</CreDtTm></GrpHdr>
<Stmt><Id>RELEVE-${closingOn}</Id><CreDtTm>${closingOn}T18:00:00</CreDtTm><Acct><Id><Othr><Id>815-30-1234567</Id></Othr></Id><Ccy>CAD</Ccy><Nm>Compte courant</Nm></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="CAD">${opening}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>${closingOn}</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="CAD">${closing}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>${closingOn}</Dt></Dt></Bal>
<Ntry><Amt Ccy="CAD">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>${closingOn}</Dt></BookgDt><AcctSvcrRef>REF-${closingOn}</AcctSvcrRef><NtryDtls><TxDtls><RmtInf><Ustrd>Paiement</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
</Stmt></BkToCstmrStmt></Document>`;

let handle: DatabaseHandle;
let co: Awaited<ReturnType<typeof makeCompany>>;
let empty: Awaited<ReturnType<typeof makeCompany>>;

const forecast = async (company: typeof co) => {
  const out = await invoke(company.session('viewer'), cashFlow, {}, { source: 'rest', byAi: false });
  if (out.kind !== 'read') throw new Error('expected a read');
  return out.output as { opening: string; openingSource: string; weeks: { closing: string }[] };
};

beforeAll(async () => {
  handle = await freshDatabase();
  co = await makeCompany(handle.db, {}, () => new Date('2026-03-31T12:00:00Z'));
  empty = await makeCompany(handle.db, {}, () => new Date('2026-03-31T12:00:00Z'));
});
afterAll(() => handle?.close());

describe('the cash forecast opening', () => {
  it('starts from nothing, and says so, while no statement is imported', async () => {
    expect(await forecast(empty)).toMatchObject({ opening: '0.00', openingSource: 'none' });
  });

  it('starts from the latest stated closing balance, moved by what was booked after it', async () => {
    const admin = co.session('admin');
    const run = (content: string) => propose(admin, importStatement, { content }, { source: 'rest', byAi: false });
    // The later statement first, then an older one: the older must not replace the newer balance.
    expect((await run(camt('2026-03-20', '12000.00', '12500.00', '500.00'))).status).toBe('executed');
    expect((await run(camt('2026-03-10', '11000.00', '12000.00', '1000.00'))).status).toBe('executed');
    const csv = 'Date,Description,Amount\n2026-03-25,Loyer,-500.00\n';
    const account = await forecast(co);
    expect(account).toMatchObject({ opening: '12500.00', openingSource: 'statements' });
    expect((await run(csv)).status).toBe('executed');
    const after = await forecast(co);
    // The CSV goes to its own account (no account number): summed, and the source says so.
    expect(after.openingSource).toBe('transactions');
    expect(after.opening).toBe('12000.00');
    expect(after.weeks[0]!.closing).toBe('12000.00');
  });

  it('does not count another company’s statements', async () => {
    expect((await forecast(empty)).opening).toBe('0.00');
  });
});
