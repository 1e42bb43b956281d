/**
 * Supplier-bill intake, the step after a file arrives (email attachment, upload): read it, keep what
 * was read on the document, and propose the bill through the action door with the evidence found.
 * Each stage leaves a status a person can see: received → reading → extracted → proposed | booked,
 * or failed with the reason. Running it twice for one document proposes nothing new.
 */
import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.ts';
import { documents, inboundEmails, tenants, users } from '../../db/schema/index.ts';
import { withTenant } from '../../db/tenant.ts';
import { propose, type ActionOutcome } from '../actions/door.ts';
import type { EvidenceFactor } from '../actions/confidence.ts';
import { actorOf } from '../auth/api-tokens.ts';
import { recordBill } from '../bills/record-bill.ts';
import type { Lang, Session, Source } from '../context.ts';
import type { Company } from '../documents/checks.ts';
import { extractDocument } from '../documents/extract.ts';
import type { Extracted } from '../documents/schemas.ts';
import { AppError } from '../errors.ts';
import { toMinor, fromMinor, sum } from '../money.ts';

export type IntakeOutcome =
  | { status: 'skipped'; documentStatus: string }
  | { status: 'failed'; reason: string }
  | { status: 'extracted'; reason: string }
  | { status: 'proposed' | 'booked'; action: ActionOutcome };

/**
 * The input of bills_record_supplier_bill from what was read; null with a reason when a bill cannot be
 * made of it. The currency is the one read from the bill; only when the bill shows none is it the
 * company's own (`companyCurrency`), and the evidence then says so (readingFactors).
 */
export function billInputFrom(
  read: Extracted,
  documentId: string,
  companyCurrency: string,
): { input: Record<string, unknown> } | { missing: string } {
  const f = read.fields;
  if (!f.invoiceDate) return { missing: 'no invoice date was found' };
  if (!f.supplierName && !f.supplierGst && !f.supplierQst)
    return { missing: 'no supplier name or tax number was found' };
  const currency = f.currency?.value ?? companyCurrency;
  const taxes = read.taxes.map((t) => ({ code: t.code, amount: t.amount }));
  // Printed totals are what the supplier asks for; derive the one missing from the two others.
  let {
    subtotal,
    totalTax: tax,
    total,
  } = { subtotal: f.subtotal?.value, totalTax: f.totalTax?.value, total: (f.total ?? f.amountDue)?.value };
  const cents = (v: string) => toMinor(v, currency);
  if (tax === undefined && taxes.length) tax = fromMinor(sum(taxes.map((t) => cents(t.amount))), currency);
  if (total !== undefined && subtotal !== undefined && tax === undefined)
    tax = fromMinor(cents(total) - cents(subtotal), currency);
  if (total !== undefined && tax !== undefined && subtotal === undefined)
    subtotal = fromMinor(cents(total) - cents(tax), currency);
  if (subtotal !== undefined && tax !== undefined && total === undefined)
    total = fromMinor(cents(subtotal) + cents(tax), currency);
  const totals = subtotal !== undefined && tax !== undefined && total !== undefined ? { subtotal, tax, total } : {};
  // Lines go along only when they are complete and add up to the subtotal: the bill tool then checks
  // them against its own tax rules (Canadian), which a French VAT bill would fail for no fault of its own.
  const complete = read.lines.length > 0 && read.lines.every((l) => l.quantity && l.unitPrice);
  const addsUp = subtotal !== undefined && complete && sum(read.lines.map((l) => cents(l.amount))) === cents(subtotal);
  const lines =
    addsUp && !taxes.some((t) => t.code === 'TVA')
      ? read.lines.map((l) => ({
          description: l.description.slice(0, 500) || '—',
          quantity: l.quantity!,
          unitPrice: l.unitPrice!,
        }))
      : [];
  if (!lines.length && total === undefined) return { missing: 'no total was found' };
  return {
    input: {
      supplier: { name: f.supplierName?.value, gstNumber: f.supplierGst?.value, qstNumber: f.supplierQst?.value },
      supplierInvoiceNumber: f.invoiceNumber?.value,
      billDate: f.invoiceDate.value,
      dueDate: f.dueDate?.value,
      currency,
      documentId,
      lines,
      ...totals,
      taxes: taxes.length ? taxes : undefined,
    },
  };
}

const readFrom: Record<Lang, (read: Extracted, confidence: string) => string> = {
  fr: (read, confidence) =>
    `${read.source === 'xml' ? `Lu dans la facture électronique XML intégrée (${read.format ?? 'exacte'})` : read.source === 'text' ? 'Lu dans le texte du PDF' : 'Lu par OCR'}, confiance ${confidence.replace('.', ',')}.`,
  en: (read, confidence) =>
    `Read from ${read.source === 'xml' ? `embedded e-invoice XML (${read.format ?? 'exact'})` : read.source === 'text' ? 'the PDF text' : 'OCR'}, confidence ${confidence}.`,
};

/**
 * How well the file was read, as evidence next to the bill's own (supplier match, totals, duplicates),
 * in the language of the person the bill is proposed for.
 */
export function readingFactors(read: Extracted, lang: Lang, companyCurrency?: string): EvidenceFactor[] {
  const factors: EvidenceFactor[] = [
    {
      factor: 'document_read',
      weight: Math.round((read.confidence - 0.5) * 0.4 * 1000) / 1000,
      detail: readFrom[lang](read, read.confidence.toFixed(2)),
    },
  ];
  if (!read.fields.currency && companyCurrency)
    factors.push({ factor: 'currency_assumed', weight: -0.05, detail: currencyAssumed[lang](companyCurrency) });
  for (const check of read.checks.filter((c) => !c.passed)) {
    factors.push({ factor: `check_${check.name}`, weight: -0.1, detail: check.message[lang] });
  }
  return factors;
}

const currencyAssumed: Record<Lang, (currency: string) => string> = {
  fr: (currency) => `Aucune devise sur la facture : celle de l'entreprise (${currency}) est supposée, à vérifier.`,
  en: (currency) => `No currency on the bill: the company's (${currency}) is assumed, to be checked.`,
};

/** The company as the reader checks a bill's buyer against it: its name and its tax numbers. */
function companyOf(tenant: typeof tenants.$inferSelect): Company {
  const ids = [tenant.gstNumber, tenant.qstNumber, tenant.vatNumber, tenant.siren, tenant.siret];
  return { name: tenant.name, taxIds: ids.filter((id): id is string => Boolean(id)) };
}

/**
 * The person the proposal is for: who uploaded the bill, else who forwarded it, else the company's
 * first administrator; active people only. One query, the candidates ranked in that order.
 */
async function personFor(tx: Tx, emailId: string | null, uploaderId?: string) {
  const isUploader = uploaderId ? eq(users.id, uploaderId) : sql`false`;
  const isSender = emailId
    ? sql`exists (select 1 from ${inboundEmails} where ${inboundEmails.id} = ${emailId} and ${inboundEmails.fromAddress} = ${users.email})`
    : sql`false`;
  const [person] = await tx
    .select()
    .from(users)
    .where(and(eq(users.active, true), or(isUploader, isSender, eq(users.role, 'admin'))))
    .orderBy(sql`case when ${isUploader} then 0 when ${isSender} then 1 else 2 end`, asc(users.createdAt))
    .limit(1);
  return person ?? null;
}

export async function readBill(
  db: Database,
  tenantId: string,
  documentId: string,
  options: {
    source: Source;
    now: () => Date /** The person who uploaded the file, when known. */;
    uploaderId?: string;
  },
): Promise<IntakeOutcome> {
  const set = (values: Partial<typeof documents.$inferInsert>) =>
    withTenant(db, tenantId, (tx) =>
      tx
        .update(documents)
        .set({ ...values, updatedAt: options.now() })
        .where(eq(documents.id, documentId)),
    );

  // Claim the document: only a received one is read, so a second run (a redelivered event) does nothing.
  // The person it is for is found in the same transaction; "reading" shows once it commits.
  const claim = await withTenant(db, tenantId, async (tx) => {
    const [doc] = await tx
      .update(documents)
      // Counted, so that a document whose reading keeps being cut short is given up (resume-stuck.ts).
      .set({ status: 'reading', readAttempts: sql`${documents.readAttempts} + 1`, updatedAt: options.now() })
      .where(and(eq(documents.id, documentId), eq(documents.status, 'received')))
      .returning();
    if (!doc) {
      const [current] = await tx
        .select({ status: documents.status })
        .from(documents)
        .where(eq(documents.id, documentId));
      return { skipped: current?.status ?? 'missing' } as const;
    }
    // The company the bill should be addressed to, and its currency for a bill that shows none (RLS: its own row only).
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, tenantId));
    return { doc, tenant: tenant!, person: await personFor(tx, doc.inboundEmailId, options.uploaderId) };
  });
  if (claim.skipped) return { status: 'skipped', documentStatus: claim.skipped };

  const { doc, person, tenant } = claim;
  const lang: Lang = person?.language ?? 'fr';
  try {
    const read = await extractDocument(doc.content, {
      filename: doc.filename,
      mimeType: doc.mimeType,
      company: companyOf(tenant),
    });
    if (read.status === 'failed') {
      await set({ status: 'failed', extraction: read, error: read.message[lang] });
      return { status: 'failed', reason: read.message[lang] };
    }
    // The reading and, when no bill can be proposed from it, the reason, in one write.
    const bill = person ? billOrReason(read, documentId, lang, tenant.currency) : { reason: noPerson[lang] };
    await set({
      status: 'extracted',
      extraction: read,
      confidence: read.confidence,
      error: 'reason' in bill ? bill.reason : null,
    });
    if ('reason' in bill) return { status: 'extracted', reason: bill.reason };

    const session: Session = { db, tenantId, actor: actorOf(person!), lang, now: options.now };
    let action: ActionOutcome;
    try {
      action = await propose(session, recordBill, bill.input, {
        source: options.source,
        byAi: true,
        evidence: readingFactors(read, lang, tenant.currency),
        rationale:
          `${doc.filename}: ${read.fields.supplierName?.value ?? ''} ${read.fields.invoiceNumber?.value ?? ''}`.trim(),
        idempotencyKey: `bill-from-document-${documentId}`,
      });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      // Unknown supplier, duplicate bill, bad amounts: the reading stays, with what a person must do.
      await set({ error: err.message });
      return { status: 'extracted', reason: err.message };
    }
    const booked = action.status === 'executed';
    // Recording the bill marked the document booked in the proposal's own transaction (tools/bills/
    // record-bill.ts); only a queued or failed proposal, or an earlier one found again, is written here.
    if (!booked || action.duplicate)
      await set({ status: booked ? 'booked' : 'proposed', error: action.status === 'failed' ? action.message : null });
    return { status: booked ? 'booked' : 'proposed', action };
  } catch (err) {
    // Anything unexpected after the claim: the document says so rather than staying "reading".
    await set({
      status: 'failed',
      error:
        lang === 'fr'
          ? 'Erreur interne en lisant ou en proposant la facture.'
          : 'Internal error while reading or proposing the bill.',
    });
    throw err;
  }
}

const noPerson: Record<Lang, string> = {
  fr: 'Lu, mais aucune facture proposée : aucun administrateur actif pour qui la proposer.',
  en: 'Read, but no bill proposed: no active administrator to propose it for.',
};

/** The input of the bill to propose, or why there is none, in the person's language. */
function billOrReason(
  read: Extracted,
  documentId: string,
  lang: Lang,
  companyCurrency: string,
): { input: Record<string, unknown> } | { reason: string } {
  try {
    const bill = billInputFrom(read, documentId, companyCurrency);
    if ('input' in bill) return bill;
    return {
      reason:
        lang === 'fr'
          ? `Lu, mais aucune facture proposée : ${translateMissing(bill.missing)}.`
          : `Read, but no bill proposed: ${bill.missing}.`,
    };
  } catch (err) {
    // An amount the bill's currency cannot hold (e.g. 4 decimals in e-invoice XML): a person decides.
    if (!(err instanceof AppError)) throw err;
    return { reason: err.message };
  }
}

const translateMissing = (missing: string) =>
  ({
    'no invoice date was found': "aucune date de facture n'a été trouvée",
    'no supplier name or tax number was found': "ni nom ni numéro de taxe du fournisseur n'a été trouvé",
    'no total was found': "aucun total n'a été trouvé",
  })[missing] ?? missing;
