/**
 * The reconciliation engine on a real database: the list with its candidates and evidence, a transfer
 * paying two invoices confirmed as a split, a stranger's same amount never recorded, a run through the
 * door that records only what the payer's history allows, a re-run that records nothing new, undo that
 * restores the balance, and a rejection the next list remembers.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { bankPayerAliases, bankTransactions, invoices, tenants } from '../../../db/schema/index.ts';
import { withTenant } from '../../../db/tenant.ts';
import { propose, undo } from '../../../tools/actions/door.ts';
import { confirmMatch } from '../../../tools/banking/confirm-match.ts';
import { importStatement } from '../../../tools/banking/import-statement.ts';
import { listReconciliation } from '../../../tools/banking/list-reconciliation.ts';
import { reconcileAll } from '../../../tools/banking/reconcile-all.ts';
import { rejectMatch } from '../../../tools/banking/reject-match.ts';
import type { Session } from '../../../tools/context.ts';
import type { InvoiceSummary } from '../../../tools/invoicing/schemas.ts';
import { sendInvoice } from '../../../tools/invoicing/send-invoice.ts';
import { listDueReminders as listDue } from '../../../tools/reminders/list-due.ts';
import { proposeDueReminders } from '../../../tools/reminders/propose-due.ts';
import { makeCompany } from '../../support/company.ts';
import { freshDatabase } from '../../support/database.ts';
import { done, newClient, newInvoice, read } from '../invoicing/people.ts';

let handle: DatabaseHandle;
let co: Awaited<ReturnType<typeof makeCompany>>;
let manager: Session;
let tremblay1: InvoiceSummary;
let tremblay2: InvoiceSummary;
let martin: InvoiceSummary;

type Listed = {
  total: number;
  lines: {
    transaction: { id: string; description: string; counterparty: string | null };
    candidates: {
      kind: string;
      chosen: boolean;
      confidence: number;
      targets: { id: string; number: string; kind: 'invoice' | 'bill' }[];
      evidence: { factor: string; detail: string }[];
      recordableAlone: boolean;
      holds: { reason: string }[];
    }[];
  }[];
};

function camt(entries: { amount: string; on: string; party: string; text: string; ref: string }[]) {
  const ntry = entries
    .map(
      (e) =>
        `<Ntry><Amt Ccy="CAD">${e.amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>${e.on}</Dt></BookgDt><AcctSvcrRef>${e.ref}</AcctSvcrRef>
       <NtryDtls><TxDtls><RltdPties><Dbtr><Nm>${e.party}</Nm></Dbtr></RltdPties><RmtInf><Ustrd>${e.text}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-03-02T18:00:00</CreDtTm></GrpHdr>
<Stmt><Id>S1</Id><CreDtTm>2026-03-02T18:00:00</CreDtTm><Acct><Id><Othr><Id>CA12 3456</Id></Othr></Id><Ccy>CAD</Ccy><Nm>Desjardins</Nm></Acct>
${ntry}</Stmt></BkToCstmrStmt></Document>`;
}

const seqOf = (number: string) => Number(number.split('-')[1]);
const list = (session: Session) => read<Listed>(session, listReconciliation, { limit: 200 });
const lineWith = (l: Listed, text: string) => l.lines.find((x) => x.transaction.description.includes(text))!;
const invoiceRow = (id: string) =>
  withTenant(handle.db, co.tenant.id, async (tx) => (await tx.select().from(invoices).where(eq(invoices.id, id)))[0]!);

beforeAll(async () => {
  handle = await freshDatabase();
  co = await makeCompany(handle.db);
  manager = co.session('manager', 'fr');
  const send = async (clientId: string, quantity: string) =>
    (
      await done<{ invoice: InvoiceSummary }>(manager, sendInvoice, {
        invoiceId: (
          await newInvoice(manager, {
            clientId,
            issueDate: '2026-02-10',
            lines: [{ description: 'Travaux', quantity, unitPrice: '10.00', accountCode: '4100' }],
          })
        ).id,
      })
    ).invoice;
  const tremblay = await newClient(manager, {
    name: 'Construction Tremblay inc.',
    email: 'compta@tremblay.test',
    province: 'QC',
    language: 'fr',
  });
  const boulangerie = await newClient(manager, {
    name: 'Boulangerie Martin SARL',
    email: 'compta@martin.test',
    province: 'QC',
    language: 'fr',
  });
  // 10 × 10.00 in Québec = 114.98; 5 × 10.00 = 57.49.
  tremblay1 = await send(tremblay.id, '10');
  tremblay2 = await send(tremblay.id, '5');
  martin = await send(boulangerie.id, '10');
  await done(manager, importStatement, {
    content: camt([
      {
        amount: '114.98',
        on: '2026-02-25',
        party: 'BOULANGERIE MARTIN',
        text: `Facture no ${seqOf(martin.number)}`,
        ref: 'R1',
      },
      { amount: '172.47', on: '2026-02-26', party: 'CONSTRUCTION TREMBLAY', text: 'VIREMENT RECU', ref: 'R2' },
      { amount: '114.98', on: '2026-02-27', party: 'JEAN-FRANCOIS MARCOTTE', text: 'Depot', ref: 'R3' },
    ]),
  });
});
afterAll(() => handle?.close());

describe('the reconciliation list', () => {
  it('offers the invoice a customer quotes without year or prefix, with evidence in the reader’s language', async () => {
    const line = lineWith(await list(manager), `Facture no`);
    const best = line.candidates[0]!;
    expect(best.chosen).toBe(true);
    expect(best.targets.map((t) => t.number)).toEqual([martin.number]);
    expect(best.evidence.map((e) => e.factor)).toEqual(expect.arrayContaining(['amount_exact', 'reference_sequence']));
    expect(best.evidence.find((e) => e.factor === 'reference_sequence')!.detail).toContain('Le libellé cite');
    // No confirmed history yet: a person confirms first.
    expect(best.recordableAlone).toBe(false);
    expect(best.holds.map((h) => h.reason)).toContain('no_history');
  });

  it('finds one transfer paying two invoices of the same client', async () => {
    const line = lineWith(await list(manager), 'VIREMENT RECU');
    const best = line.candidates[0]!;
    expect(best.kind).toBe('group');
    expect(best.targets.map((t) => t.id).sort()).toEqual([tremblay1.id, tremblay2.id].sort());
  });

  it('never lets a stranger paying the same amount be recorded alone', async () => {
    const line = lineWith(await list(manager), 'Depot');
    for (const c of line.candidates) {
      expect(c.recordableAlone).toBe(false);
      expect(c.holds.map((h) => h.reason)).toContain('amount_only');
    }
  });
});

describe('confirming, running, undoing, rejecting', () => {
  it('confirms a split across two invoices: both paid, the line matched, the payer learned', async () => {
    const line = lineWith(await list(manager), 'VIREMENT RECU');
    const out = await done<{ matches: { number: string; status: string }[]; unapplied: string }>(
      manager,
      confirmMatch,
      {
        transactionId: line.transaction.id,
        targets: [
          { kind: 'invoice', id: tremblay1.id },
          { kind: 'invoice', id: tremblay2.id },
        ],
      },
    );
    expect(out.matches.map((m) => m.status)).toEqual(['paid', 'paid']);
    expect(out.unapplied).toBe('0.00');
    const aliases = await withTenant(handle.db, co.tenant.id, (tx) => tx.select().from(bankPayerAliases));
    expect(aliases).toMatchObject([{ payer: 'CONSTRUCTION TREMBLAY', confirmed: 1, rejected: 0 }]);
  });

  it('refuses a split larger than the line, naming the field', async () => {
    const line = lineWith(await list(manager), 'Facture no');
    await expect(
      done(manager, confirmMatch, {
        transactionId: line.transaction.id,
        targets: [{ kind: 'invoice', id: martin.id, amount: '200.00' }],
      }),
    ).rejects.toMatchObject({ code: 'invalid', details: { field: 'targets.0.amount' } });
  });

  it('records alone only with the payer’s history, and a re-run records nothing new', async () => {
    await withTenant(handle.db, co.tenant.id, async (tx) => {
      await tx.update(tenants).set({ automationLevel: 'supervised' }).where(eq(tenants.id, co.tenant.id));
      // Three earlier confirmations of this payer as this client (what three statements would have taught).
      const martinClient = (await tx.select().from(invoices).where(eq(invoices.id, martin.id)))[0]!.clientId;
      await tx.insert(bankPayerAliases).values({
        tenantId: co.tenant.id,
        direction: 'in',
        payer: 'BOULANGERIE MARTIN',
        partyId: martinClient,
        confirmed: 3,
      });
    });
    const progress: string[] = [];
    const first = await reconcileAll(manager, { onProgress: (p) => progress.push(p.phase) });
    expect(first).toMatchObject({ proposed: 1, executed: 1 });
    expect(progress).toContain('proposing');
    expect((await invoiceRow(martin.id)).status).toBe('paid');
    const again = await reconcileAll(manager);
    expect(again).toMatchObject({ proposed: 0, executed: 0 });
  });

  it('undo of the recorded match restores the invoice balance and unmatches the line', async () => {
    const actionId = await withTenant(handle.db, co.tenant.id, async (tx) => {
      const { aiActions } = await import('../../../db/schema/index.ts');
      const rows = await tx.select().from(aiActions).where(eq(aiActions.tool, 'banking_confirm_match'));
      return rows.find((r) => r.byAi)!.id;
    });
    await undo(manager, actionId, { source: 'rest' });
    const row = await invoiceRow(martin.id);
    expect(row.paidCents).toBe(0n);
    expect(row.status).not.toBe('paid');
    const lines = await withTenant(handle.db, co.tenant.id, (tx) => tx.select().from(bankTransactions));
    expect(lines.find((l) => l.description.startsWith('Facture no'))!.status).toBe('unmatched');
  });

  it('a rejection teaches the payer is not that client, and undo of the rejection forgets it', async () => {
    const depot = lineWith(await list(manager), 'Depot');
    const rejected = await propose(
      manager,
      rejectMatch,
      {
        transactionId: depot.transaction.id,
        targetKind: 'invoice',
        targetId: martin.id,
      },
      { source: 'rest', byAi: false },
    );
    expect(rejected.status).toBe('executed');
    const aliases = await withTenant(handle.db, co.tenant.id, (tx) => tx.select().from(bankPayerAliases));
    expect(aliases.find((a) => a.payer === 'JEAN FRANCOIS MARCOTTE')).toMatchObject({ rejected: 1, confirmed: 0 });
  });
});

describe('reminders on reconciled truth', () => {
  it('proposes no reminder for an invoice the statement shows paid, and says why', async () => {
    // Sixteen days past the due date (2026-03-12): the default schedule's J+15 step is due for every unpaid invoice.
    const later: Session = { ...manager, lang: 'en', now: () => new Date('2026-03-28T15:00:00Z') };
    const due = await read<{ reminders: { number: string; blocked: { reason: string; message: string } | null }[] }>(
      later,
      listDue,
      {},
    );
    const line = due.reminders.find((r) => r.number === martin.number)!;
    expect(line.blocked).toMatchObject({ reason: 'bank_match' });
    expect(line.blocked!.message).toContain('bank statement');
    const run = await proposeDueReminders(handle.db, new Date('2026-03-28T15:00:00Z'));
    expect(run.proposed.map((p) => p.invoiceNumber)).not.toContain(martin.number);
  });
});
