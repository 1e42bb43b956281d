/**
 * ISO 20022 cash statements: camt.053 (statement), camt.052 (intraday report) and camt.054
 * (debit/credit notification), read with fast-xml-parser; values stay strings.
 */
import { XMLValidator } from 'fast-xml-parser';
import { xmlParser } from '../../xml.ts';
import { amountOf, isoCurrency, isoDate } from './amounts.ts';
import {
  clean,
  orNull,
  StatementError,
  withExternalIds,
  type BalanceSpan,
  type DraftLine,
  type StatedBalance,
  type Statement,
} from './types.ts';

const REPEATED = new Set(['Stmt', 'Rpt', 'Ntfctn', 'Bal', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Strd', 'AdrLine']);

const parser = xmlParser(REPEATED);

// biome-ignore lint/suspicious/noExplicitAny: the parsed document has no published types; fields are checked where read
type Node = any;

/** The three message kinds and the element that holds each one's records. */
const MESSAGES = [
  ['BkToCstmrStmt', 'Stmt'],
  ['BkToCstmrAcctRpt', 'Rpt'],
  ['BkToCstmrDbtCdtNtfctn', 'Ntfctn'],
] as const;

export const looksLikeCamt = (text: string): boolean =>
  /<(\w+:)?(BkToCstmrStmt|BkToCstmrAcctRpt|BkToCstmrDbtCdtNtfctn)(V\d\d)?[\s>]/.test(text);

const text = (node: Node): string | undefined =>
  node === undefined || node === null ? undefined : typeof node === 'object' ? node['#text'] : String(node);
const dateOf = (node: Node): string | undefined => text(node?.Dt) ?? text(node?.DtTm);
/** v8 nests the party one level deeper (Dbtr.Pty.Nm); earlier versions do not. */
const partyName = (party: Node): string | undefined => text(party?.Nm) ?? text(party?.Pty?.Nm);

export function readCamt(xml: string): Statement[] {
  if (/<!DOCTYPE/i.test(xml))
    throw new StatementError('Relevé camt refusé : il contient une DTD.', 'camt statement refused: it contains a DTD.');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new StatementError(
      `Relevé camt illisible : XML invalide (ligne ${valid.err.line}).`,
      `Unreadable camt statement: invalid XML (line ${valid.err.line}).`,
    );
  }
  const document = parser.parse(xml)?.Document ?? {};
  // Version 1 messages carry the version in the element name (BkToCstmrAcctRptV01).
  const found = MESSAGES.find(([message]) => document[message] ?? document[`${message}V01`]);
  if (!found)
    throw new StatementError(
      'Ce fichier XML n’est pas un relevé camt.052, camt.053 ni camt.054.',
      'This XML file is not a camt.052, camt.053 or camt.054 statement.',
    );
  const records: Node[] = (document[found[0]] ?? document[`${found[0]}V01`])[found[1]] ?? [];
  if (!records.length)
    throw new StatementError(
      'Relevé camt incomplet : aucun relevé de compte dans le message.',
      'Incomplete camt statement: the message holds no account statement.',
    );
  return records.map((record, r) => readRecord(record, `${found[1]} ${r + 1}`));
}

function readRecord(record: Node, where: string): Statement {
  const acct = record.Acct;
  if (!acct?.Id)
    throw new StatementError(
      `Relevé camt incomplet : compte manquant (${where}).`,
      `Incomplete camt statement: account missing (${where}).`,
    );
  const accountCurrency = text(acct.Ccy) ?? null;
  const created = text(record.CreDtTm);
  const entries: Node[] = record.Ntry ?? [];
  const perEntry = entries.map((entry, i) => readEntry(entry, `${where}, Ntry ${i + 1}`, created));
  const drafts = perEntry.flat();
  return {
    account: {
      iban: text(acct.Id.IBAN) ?? null,
      accountNumber: text(acct.Id.Othr?.Id) ?? null,
      currency: accountCurrency,
      name: orNull(text(acct.Nm)),
      institution: orNull(
        text(acct.Svcr?.FinInstnId?.Nm) ?? text(acct.Svcr?.FinInstnId?.BIC) ?? text(acct.Svcr?.FinInstnId?.BICFI),
      ),
    },
    reference: orNull(text(record.Id)),
    lines: withExternalIds(drafts),
    balances: balanceSpan(record, entries, perEntry, where),
  };
}

/** The record's balance of this type (OPBD opening booked, PRCD previous closing, CLBD closing booked). */
function statedBalance(record: Node, type: string, where: string): StatedBalance | null {
  const balance = (record.Bal ?? []).find((b: Node) => text(b.Tp?.CdOrPrtry?.Cd) === type);
  if (!balance) return null;
  const at = `${where}, Bal ${type}`;
  const currency = isoCurrency(balance.Amt?.['@_Ccy'], at);
  const cents = amountOf(text(balance.Amt), currency, at);
  const direction = text(balance.CdtDbtInd);
  if (direction !== 'CRDT' && direction !== 'DBIT')
    throw new StatementError(
      `Sens (crédit/débit) du solde manquant (${at}).`,
      `Balance credit/debit indicator missing (${at}).`,
    );
  return { cents: direction === 'DBIT' ? -cents : cents, currency };
}

/**
 * Opening (OPBD, or PRCD, which some banks give instead) and closing (CLBD) booked balances with the
 * booked entries: pending or informational ones are not in the booked balance. A report without both
 * (camt.052 interim balances, camt.054 notifications) has nothing to check.
 */
function balanceSpan(record: Node, entries: Node[], lines: DraftLine[][], where: string): BalanceSpan[] {
  const opening = statedBalance(record, 'OPBD', where) ?? statedBalance(record, 'PRCD', where);
  const closing = statedBalance(record, 'CLBD', where);
  if (!opening || !closing) return [];
  // Sts is a code before camt v8 (<Sts>BOOK</Sts>) and holds one after (<Sts><Cd>BOOK</Cd></Sts>).
  const booked = lines
    .filter((_, i) => (text(entries[i]?.Sts?.Cd) ?? text(entries[i]?.Sts) ?? 'BOOK') === 'BOOK')
    .flat();
  return [{ opening, closing, lines: booked }];
}

/** The detail's own parties, remittance and references: who paid or was paid, and what for. */
function detailFields(details: Node, direction: 'CRDT' | 'DBIT', entry: Node) {
  const parties = details.RltdPties ?? {};
  // Money in names who paid us; money out names whom we paid.
  const counterparty =
    direction === 'CRDT'
      ? (partyName(parties.Dbtr) ?? partyName(parties.UltmtDbtr))
      : (partyName(parties.Cdtr) ?? partyName(parties.UltmtCdtr));
  const remittance = details.RmtInf ?? {};
  const unstructured = (remittance.Ustrd ?? []).map(text).join(' ');
  const creditorRef = (remittance.Strd ?? []).map((s: Node) => text(s?.CdtrRefInf?.Ref)).find(Boolean);
  const endToEnd = text(details.Refs?.EndToEndId);
  const reference = creditorRef ?? (endToEnd && endToEnd !== 'NOTPROVIDED' ? endToEnd : undefined);
  const description = clean(unstructured) || clean(text(details.AddtlTxInf)) || clean(text(entry.AddtlNtryInf));
  return { counterparty: orNull(counterparty), reference: orNull(reference), description };
}

/** A detail's amount as the bank booked it: its own Amt (camt v3+) or AmtDtls/TxAmt (v2). */
const detailAmount = (details: Node): Node => details.Amt ?? details.AmtDtls?.TxAmt?.Amt;

/**
 * One bank line per transaction detail when the entry is a batch (a camt.054 notification of several
 * payments booked as one entry) and the details say how much each one is, in the entry's currency,
 * adding up exactly to the entry: each payment can then be matched on its own, and the lines sum to
 * what the bank booked. Otherwise (details without amounts, in another currency, or not adding up)
 * the entry stays one line with the entry's amount — splitting would lose or double money — and the
 * details' parties and references are kept in its description so none is lost.
 */
function readEntry(entry: Node, where: string, created: string | undefined): DraftLine[] {
  const currency = isoCurrency(entry.Amt?.['@_Ccy'], where);
  const unsigned = amountOf(text(entry.Amt), currency, where);
  const direction = text(entry.CdtDbtInd);
  if (direction !== 'CRDT' && direction !== 'DBIT') {
    throw new StatementError(`Sens (crédit/débit) manquant (${where}).`, `Credit/debit indicator missing (${where}).`);
  }
  const valueOn = dateOf(entry.ValDt) ? isoDate(dateOf(entry.ValDt), where) : null;
  const booked = dateOf(entry.BookgDt);
  const bookedOn = booked ? isoDate(booked, where) : (valueOn ?? (created ? isoDate(created, where) : null));
  if (!bookedOn)
    throw new StatementError(`Date de l’opération manquante (${where}).`, `Transaction date missing (${where}).`);
  const signed = direction === 'DBIT' ? -unsigned : unsigned;
  const entryBankId = text(entry.AcctSvcrRef) ?? text(entry.NtryRef);
  const allDetails: Node[] = (entry.NtryDtls ?? []).flatMap((d: Node) => d?.TxDtls ?? []);

  if (allDetails.length > 1) {
    const parts = allDetails.map((details, i) => {
      const amount = detailAmount(details);
      if (text(amount) === undefined || amount?.['@_Ccy'] !== currency) return null;
      const at = `${where}, TxDtls ${i + 1}`;
      const cents = amountOf(text(amount), currency, at);
      const own = text(details.CdtDbtInd);
      return own === 'CRDT' || own === 'DBIT'
        ? own === 'DBIT'
          ? -cents
          : cents
        : direction === 'DBIT'
          ? -cents
          : cents;
    });
    const sum = parts.reduce<bigint | null>((s, p) => (s === null || p === null ? null : s + p), 0n);
    if (sum === signed) {
      return allDetails.map((details, i) => {
        const refs = details.Refs ?? {};
        const own = text(refs.AcctSvcrRef) ?? text(refs.TxId) ?? text(refs.EndToEndId);
        const fields = detailFields(details, parts[i]! < 0n ? 'DBIT' : 'CRDT', entry);
        return {
          bookedOn,
          valueOn,
          amountCents: parts[i]!,
          currency,
          ...fields,
          // The detail's own reference, else the entry's with the detail's place in it: stable on re-import.
          bankId: own && own !== 'NOTPROVIDED' ? own : entryBankId ? `${entryBankId}/${i + 1}` : null,
        };
      });
    }
  }

  const first = detailFields(allDetails[0] ?? {}, direction, entry);
  const others = allDetails.slice(1).map((d) => {
    const f = detailFields(d, direction, entry);
    return [f.counterparty, f.reference, f.description].filter(Boolean).join(' ');
  });
  return [
    {
      bookedOn,
      valueOn,
      amountCents: signed,
      currency,
      counterparty: first.counterparty,
      reference: first.reference,
      description: clean([first.description, ...others.filter(Boolean)].join(' | ')),
      bankId:
        text(entry.AcctSvcrRef) ??
        text(allDetails[0]?.Refs?.AcctSvcrRef) ??
        text(allDetails[0]?.Refs?.TxId) ??
        text(entry.NtryRef),
    },
  ];
}
