/**
 * Bank statements through the door: import in each format (a re-import adds nothing, a bad file
 * imports nothing), suggestions with their evidence, reconciliation that records the payment on the
 * invoice or the bill, ignoring, and another company that never sees any of it.
 */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { chatTurn } from '../../../agent/chat.ts';
import {
  bankAccounts,
  bankMatches,
  bankTransactions,
  billPayments,
  invoices,
  payments,
} from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { approve, propose } from '../../../tools/actions/door.ts';
import { approveBill } from '../../../tools/bills/approve-bill.ts';
import { recordBill } from '../../../tools/bills/record-bill.ts';
import { ignoreTransaction } from '../../../tools/banking/ignore-transaction.ts';
import { importStatement } from '../../../tools/banking/import-statement.ts';
import { reconcileTransaction } from '../../../tools/banking/reconcile-transaction.ts';
import { suggestMatches } from '../../../tools/banking/suggest-matches.ts';
import type { Session } from '../../../tools/context.ts';
import { toolContext } from '../../../tools/tool-context.ts';
import type { InvoiceSummary } from '../../../tools/invoicing/schemas.ts';
import { sendInvoice } from '../../../tools/invoicing/send-invoice.ts';
import { createSupplier } from '../../../tools/purchasing/create-supplier.ts';
import { registry } from '../../../tools/registry.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';
import { done, newClient, newInvoice, read } from '../invoicing/people.ts';

const bank = new URL('../../../../shared/data/bank/', import.meta.url);
const sample = (path: string) => readFileSync(new URL(path, bank), 'latin1');

let handle: DatabaseHandle;
let co: Awaited<ReturnType<typeof makeCompany>>;
let other: Awaited<ReturnType<typeof makeCompany>>;
let manager: Session;
let olimpico: InvoiceSummary;
let second: InvoiceSummary;
let bill: { id: string; number: string; total: string };
let sendAnother: () => Promise<InvoiceSummary>;

type Imported = {
  format: string;
  accounts: { id: string; name: string }[];
  total: number;
  imported: number;
  skipped: number;
};
type Suggestions = {
  suggestions: {
    transaction: { id: string; amount: string; description: string };
    confident: boolean;
    candidates: {
      kind: string;
      id: string;
      number: string;
      score: number;
      amount: string;
      evidence: { factor: string; detail: string }[];
    }[];
  }[];
};

/** A camt.053 statement of account CA12 3456 with the given entries, as a bank would send it. */
function camt(
  entries: { amount: string; dir: 'CRDT' | 'DBIT'; on: string; party: string; text: string; ref: string }[],
) {
  const ntry = entries
    .map(
      (
        e,
      ) => `<Ntry><Amt Ccy="CAD">${e.amount}</Amt><CdtDbtInd>${e.dir}</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>${e.on}</Dt></BookgDt><AcctSvcrRef>${e.ref}</AcctSvcrRef>
       <NtryDtls><TxDtls><RltdPties>${e.dir === 'CRDT' ? `<Dbtr><Nm>${e.party}</Nm></Dbtr>` : `<Cdtr><Nm>${e.party}</Nm></Cdtr>`}</RltdPties><RmtInf><Ustrd>${e.text}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-03-02T18:00:00</CreDtTm></GrpHdr>
<Stmt><Id>S1</Id><CreDtTm>2026-03-02T18:00:00</CreDtTm><Acct><Id><Othr><Id>CA12 3456</Id></Othr></Id><Ccy>CAD</Ccy><Nm>Desjardins opérations</Nm></Acct>
${ntry}</Stmt></BkToCstmrStmt></Document>`;
}

const importFile = (session: Session, content: string, accountId?: string) =>
  done<Imported>(session, importStatement, { content, accountId });
const transactions = (session: Session) =>
  withTenant(handle.db, session.tenantId, (tx) =>
    tx.select().from(bankTransactions).orderBy(bankTransactions.bookedOn, bankTransactions.amountCents),
  );
const byText = async (session: Session, text: string) =>
  (await transactions(session)).find((t) => t.description.includes(text))!;

beforeAll(async () => {
  handle = await freshDatabase();
  co = await makeCompany(handle.db);
  other = await makeCompany(handle.db);
  manager = co.session('manager');
  const client = await newClient(manager, {
    name: 'Café Olimpico',
    email: 'compta@olimpico.example',
    province: 'QC',
    language: 'fr',
    paymentTermsDays: 30,
  });
  // 10 × 10.00 for a Québec client: 100.00 + GST 5.00 + QST 9.98 = 114.98.
  const lines = [{ description: 'Location de chaises', quantity: '10', unitPrice: '10.00', accountCode: '4100' }];
  const send = async () =>
    (
      await done<{ invoice: InvoiceSummary }>(manager, sendInvoice, {
        invoiceId: (await newInvoice(manager, { clientId: client.id, issueDate: '2026-02-20', lines })).id,
      })
    ).invoice;
  sendAnother = send;
  olimpico = await send();
  second = await send();
  const supplier = await done<{ id: string }>(co.session('buyer'), createSupplier, {
    name: 'Bureau Plus Inc.',
    email: 'ventes@bureauplus.test',
  });
  bill = await done(co.session('accountant'), recordBill, {
    supplierId: supplier.id,
    supplierInvoiceNumber: 'BP-7781',
    billDate: '2026-02-15',
    subtotal: '250.00',
    tax: '37.44',
    total: '287.44',
  });
  await done(co.session('manager'), approveBill, { billId: bill.id });
});
afterAll(() => handle?.close());

describe('importing statements', () => {
  it('imports a camt.053 statement into the account it names, in exact cents, and a re-import adds nothing', async () => {
    const file = camt([
      {
        amount: '114.98',
        dir: 'CRDT',
        on: '2026-03-01',
        party: 'CAFE OLIMPICO INC',
        text: `Paiement facture ${olimpico.number}`,
        ref: 'R-1',
      },
      { amount: '50.00', dir: 'CRDT', on: '2026-03-02', party: 'Café Olimpico', text: 'Acompte chaises', ref: 'R-2' },
      { amount: '287.44', dir: 'DBIT', on: '2026-03-02', party: 'BUREAU PLUS', text: 'Facture BP-7781', ref: 'R-3' },
      { amount: '12.50', dir: 'DBIT', on: '2026-03-02', party: 'Desjardins', text: 'Frais de service', ref: 'R-4' },
    ]);
    const first = await importFile(manager, file);
    expect(first).toMatchObject({
      format: 'camt',
      total: 4,
      imported: 4,
      skipped: 0,
      accounts: [{ name: 'Desjardins opérations' }],
    });
    expect((await transactions(manager)).map((t) => [t.amountCents, t.currency, t.bookedOn, t.status])).toEqual([
      [11498n, 'CAD', '2026-03-01', 'unmatched'],
      [-28744n, 'CAD', '2026-03-02', 'unmatched'],
      [-1250n, 'CAD', '2026-03-02', 'unmatched'],
      [5000n, 'CAD', '2026-03-02', 'unmatched'],
    ]);
    const again = await importFile(manager, file);
    expect(again).toMatchObject({ imported: 0, skipped: 4, accounts: [{ id: first.accounts[0]!.id }] });
    expect(await transactions(manager)).toHaveLength(4);
  });

  it('imports MT940, OFX and CSV files into a chosen account, each idempotent', async () => {
    const [account] = await withTenant(handle.db, co.tenant.id, (tx) =>
      tx.insert(bankAccounts).values({ tenantId: co.tenant.id, name: 'Archives', currency: 'EUR' }).returning(),
    );
    const mt940 = await importFile(manager, sample('mt940/jejik/ing.sta'), account!.id);
    expect(mt940).toMatchObject({ format: 'mt940', total: 7, imported: 7, skipped: 0 });
    const ofx = await importFile(manager, sample('ofx/checking.ofx'), account!.id);
    expect(ofx).toMatchObject({ format: 'ofx', total: 3, imported: 3 });
    const csv = 'Date;Libellé;Débit;Crédit\n31/01/2026;VIREMENT REÇU;;1 149,75\n31/01/2026;VIREMENT REÇU;;1 149,75\n';
    expect(await importFile(manager, csv, account!.id)).toMatchObject({ format: 'csv', total: 2, imported: 2 });
    // Two identical lines on one day are two transactions, and stay two on re-import.
    expect(await importFile(manager, csv, account!.id)).toMatchObject({ imported: 0, skipped: 2 });
    expect(await importFile(manager, sample('ofx/checking.ofx'), account!.id)).toMatchObject({
      imported: 0,
      skipped: 3,
    });
    const rows = await withTenant(handle.db, co.tenant.id, (tx) =>
      tx.select().from(bankTransactions).where(eq(bankTransactions.accountId, account!.id)),
    );
    expect(rows).toHaveLength(12);
    expect(
      rows
        .filter((r) => r.currency === 'USD')
        .map((r) => r.amountCents)
        .sort(),
    ).toEqual([-2500n, -3451n, 1n]);
  });

  it('refuses a malformed statement in the person’s language and imports nothing', async () => {
    const before = (await transactions(manager)).length;
    await expect(
      propose(
        co.session('manager', 'fr'),
        importStatement,
        { content: sample('camt/camt053.v2.wrong.xml') },
        { source: 'rest', byAi: false },
      ),
    ).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/^Relevé camt incomplet/),
    });
    await expect(
      propose(
        manager,
        importStatement,
        { content: sample('ofx/fail_nice/decimal_error.ofx') },
        { source: 'rest', byAi: false },
      ),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/Unreadable amount/),
    });
    expect((await transactions(manager)).length).toBe(before);
  });
});

describe('reconciling', () => {
  it('suggests the invoice named in the bank text and the bill by its number, with evidence', async () => {
    const { suggestions } = await read<Suggestions>(manager, suggestMatches, {});
    const of = (text: string) => suggestions.find((s) => s.transaction.description.includes(text))!;
    const full = of(olimpico.number);
    expect(full.confident).toBe(true);
    expect(full.candidates[0]).toMatchObject({ kind: 'invoice', id: olimpico.id, amount: '114.98' });
    // The engine's evidence (banking_suggest_matches is a view of it): the amount, the number, the name, the date.
    expect(full.candidates[0]!.evidence.map((e) => e.factor)).toEqual(
      expect.arrayContaining(['amount_exact', 'reference_full', 'date_plausible']),
    );
    // 50.00 fits both open invoices of the same client: suggested, never confident.
    const deposit = of('Acompte');
    expect(deposit.confident).toBe(false);
    // The statement-wide assignment gives Olimpico's invoice to the line that pays it in full, so the
    // deposit is offered the other open invoice of that client only.
    expect(deposit.candidates.map((c) => c.id)).toEqual([second.id]);
    const paid = of('BP-7781');
    expect(paid.confident).toBe(true);
    expect(paid.candidates[0]).toMatchObject({ kind: 'bill', id: bill.id, amount: '287.44' });
    expect(of('Frais de service').candidates).toEqual([]);
  });

  it('writes the evidence in the person’s language, French or English', async () => {
    const detailsFor = async (session: Session) => {
      const { suggestions } = await read<Suggestions>(session, suggestMatches, {});
      const best = suggestions.find((s) => s.transaction.description.includes(olimpico.number))!.candidates[0]!;
      return best.evidence.map((e) => e.detail.replace(/[\u00a0\u202f]/g, ' '));
    };
    const fr = await detailsFor(co.session('manager', 'fr'));
    const en = await detailsFor(co.session('manager', 'en'));
    expect(fr.length).toBe(en.length);
    expect(fr.join(' ')).toContain(olimpico.number);
    expect(fr.join(' ')).toContain('114,98 $');
    expect(en.join(' ')).toContain('$114.98');
    expect(fr).not.toEqual(en);
  });

  it('records the payment on the invoice, which becomes paid, and marks the transaction matched by this action', async () => {
    const tx = await byText(manager, olimpico.number);
    const action = await propose(
      manager,
      reconcileTransaction,
      { transactionId: tx.id, targetKind: 'invoice', targetId: olimpico.id },
      { source: 'rest', byAi: false },
    );
    expect(action.status).toBe('executed');
    expect(action.result).toMatchObject({ targetStatus: 'paid', balance: '0.00', amount: '114.98' });
    const [row] = await withTenant(handle.db, co.tenant.id, (db) =>
      db.select().from(bankTransactions).where(eq(bankTransactions.id, tx.id)),
    );
    expect(row!.status).toBe('matched');
    const [match] = await withTenant(handle.db, co.tenant.id, (db) =>
      db.select().from(bankMatches).where(eq(bankMatches.transactionId, tx.id)),
    );
    expect(match).toMatchObject({
      targetKind: 'invoice',
      targetId: olimpico.id,
      amountCents: 11498n,
      actionId: action.id,
    });
    const [payment] = await withTenant(handle.db, co.tenant.id, (db) =>
      db.select().from(payments).where(eq(payments.invoiceId, olimpico.id)),
    );
    expect(payment).toMatchObject({ amountCents: 11498n, receivedOn: '2026-03-01' });
    // Matched once only.
    await expect(
      propose(
        manager,
        reconcileTransaction,
        { transactionId: tx.id, targetKind: 'invoice', targetId: second.id },
        { source: 'rest', byAi: false },
      ),
    ).rejects.toMatchObject({ code: 'invalid' });
  });

  it('a smaller transfer leaves the invoice partially paid; money in cannot pay a bill', async () => {
    const tx = await byText(manager, 'Acompte');
    await expect(
      propose(
        manager,
        reconcileTransaction,
        { transactionId: tx.id, targetKind: 'bill', targetId: bill.id },
        { source: 'rest', byAi: false },
      ),
    ).rejects.toMatchObject({
      message: 'Only money out can settle a supplier bill.',
    });
    const out = await done<{ targetStatus: string; balance: string }>(manager, reconcileTransaction, {
      transactionId: tx.id,
      targetKind: 'invoice',
      targetId: second.id,
    });
    expect(out).toMatchObject({ targetStatus: 'partially_paid', balance: '64.98' });
  });

  it('records a bill payment from money out the AI proposed, once approved, linked to that action', async () => {
    const tx = await byText(manager, 'BP-7781');
    // Assisted automation: money the AI would move waits for a person.
    const proposed = await propose(
      co.session('accountant', 'fr'),
      reconcileTransaction,
      { transactionId: tx.id, targetKind: 'bill', targetId: bill.id },
      { source: 'chat', byAi: true },
    );
    expect(proposed.status).toBe('pending_approval');
    const decided = await approve(manager, proposed.id, { source: 'rest' });
    expect(decided.status).toBe('executed');
    expect(decided.result).toMatchObject({ targetStatus: 'paid', balance: '0.00', number: bill.number });
    const [payment] = await withTenant(handle.db, co.tenant.id, (db) =>
      db.select().from(billPayments).where(eq(billPayments.billId, bill.id)),
    );
    expect(payment).toMatchObject({ amountCents: 28744n, paidOn: '2026-03-02' });
    const [match] = await withTenant(handle.db, co.tenant.id, (db) =>
      db.select().from(bankMatches).where(eq(bankMatches.transactionId, tx.id)),
    );
    expect(match).toMatchObject({ targetKind: 'bill', targetId: bill.id, actionId: proposed.id });
  });

  it('ignores a bank fee, once, and its undo puts it back in the list', async () => {
    const tx = await byText(manager, 'Frais de service');
    await done(manager, ignoreTransaction, { transactionId: tx.id, reason: 'frais bancaires' });
    expect((await byText(manager, 'Frais de service')).status).toBe('ignored');
    const { suggestions } = await read<Suggestions>(manager, suggestMatches, {});
    expect(suggestions.some((s) => s.transaction.id === tx.id)).toBe(false);
    await expect(
      propose(manager, ignoreTransaction, { transactionId: tx.id }, { source: 'rest', byAi: false }),
    ).rejects.toMatchObject({ message: 'This transaction is already ignored.' });
    await withTenant(handle.db, co.tenant.id, (db) =>
      ignoreTransaction.undo!(
        toolContext(manager, db),
        { transactionId: tx.id },
        { transactionId: tx.id, status: 'ignored' },
      ),
    );
    expect((await byText(manager, 'Frais de service')).status).toBe('unmatched');
  });
});

describe('/reconcile in the chat', () => {
  it('records the confident match, lists the rest, for the account named', async () => {
    const third = await sendAnother();
    await importFile(
      manager,
      camt([
        {
          amount: '114.98',
          dir: 'CRDT',
          on: '2026-03-02',
          party: 'Cafe Olimpico',
          text: `Facture ${third.number}`,
          ref: 'R-5',
        },
      ]),
    );
    const reply = await chatTurn(
      co.session('manager', 'fr'),
      { model: null, registry },
      { text: '/reconcile desjardins' },
    );
    // Amounts are written the French way, with no-break spaces.
    const lines = reply.text.replace(/[\u00a0\u202f]/g, ' ').split('\n');
    // Only the operations account: the archived MT940/OFX/CSV lines are in another account.
    expect(lines[0]).toBe('2 opération(s) bancaire(s) à rapprocher :');
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(`^• 2026-03-02 114,98 \\$ « Cafe Olimpico » : .*Opération rapprochée de ${third.number}\\.`),
      ),
    );
    expect(lines).toContainEqual('• 2026-03-02 -12,50 $ « Desjardins » : aucune facture ne correspond');
    const [invoice] = await withTenant(handle.db, co.tenant.id, (db) =>
      db.select().from(invoices).where(eq(invoices.id, third.id)),
    );
    expect(invoice!.status).toBe('paid');
  });
});

describe('another company', () => {
  it('never sees the transactions, nor reconciles them', async () => {
    expect(await transactions(other.session('manager'))).toEqual([]);
    expect((await read<Suggestions>(other.session('manager'), suggestMatches, {})).suggestions).toEqual([]);
    const tx = await byText(manager, 'Frais de service');
    await expect(
      propose(
        other.session('manager'),
        reconcileTransaction,
        { transactionId: tx.id, targetKind: 'invoice', targetId: second.id },
        { source: 'rest', byAi: false },
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      propose(other.session('manager'), ignoreTransaction, { transactionId: tx.id }, { source: 'rest', byAi: false }),
    ).rejects.toMatchObject({ code: 'not_found' });
    // Its own import of the same file lands in its own account, not skipped as "already known".
    expect(await importFile(other.session('manager'), sample('ofx/checking.ofx'))).toMatchObject({
      imported: 3,
      skipped: 0,
    });
  });
});
