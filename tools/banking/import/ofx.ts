/** OFX bank and credit-card statements, 1.x SGML and 2.x XML, read with ofx-js. */
import { parseSync } from 'ofx-js';
import { amountOf, isoCurrency, isoDate } from './amounts.ts';
import { clean, orNull, StatementError, withExternalIds, type DraftLine, type Statement } from './types.ts';

// biome-ignore lint/suspicious/noExplicitAny: the parsed document has no published types; fields are checked where read
type Node = any;

export const looksLikeOfx = (text: string): boolean => /OFXHEADER\s*[:=]/.test(text) || /<OFX>/i.test(text);

const list = (node: Node): Node[] =>
  node === undefined || node === null || node === '' ? [] : Array.isArray(node) ? node : [node];
const str = (node: Node): string | undefined => (typeof node === 'string' && node.trim() ? node.trim() : undefined);

export function readOfx(text: string): Statement[] {
  let ofx: Node;
  try {
    ofx = parseSync(text).OFX;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new StatementError(`Relevé OFX illisible : ${why}`, `Unreadable OFX statement: ${why}`);
  }
  const signon = ofx?.SIGNONMSGSRSV1?.SONRS?.STATUS;
  if (signon && str(signon.CODE) && str(signon.CODE) !== '0') {
    const message = str(signon.MESSAGE) ?? str(signon.CODE);
    throw new StatementError(
      `La banque a refusé la connexion OFX : ${message}.`,
      `The bank refused the OFX sign-on: ${message}.`,
    );
  }
  const bank = list(ofx?.BANKMSGSRSV1?.STMTTRNRS).map((r) => [r?.STMTRS, r?.STMTRS?.BANKACCTFROM] as const);
  const cards = list(ofx?.CREDITCARDMSGSRSV1?.CCSTMTTRNRS).map((r) => [r?.CCSTMTRS, r?.CCSTMTRS?.CCACCTFROM] as const);
  const found = [...bank, ...cards].filter(([statement]) => statement);
  if (!found.length) {
    throw new StatementError(
      'Ce fichier OFX ne contient aucun relevé bancaire ni de carte (placements ou message d’erreur seulement ?).',
      'This OFX file holds no bank or card statement (investments or an error message only?).',
    );
  }
  return found.map(([statement, from], i) => {
    const where = `statement ${i + 1}`;
    const currency = isoCurrency(str(statement.CURDEF), where);
    const drafts = list(statement.BANKTRANLIST?.STMTTRN).map((t: Node, j: number): DraftLine => {
      const at = `${where}, STMTTRN ${str(t.FITID) ?? j + 1}`;
      const lineCurrency = str(t.CURRENCY?.CURSYM) ?? str(t.ORIGCURRENCY?.CURSYM) ?? currency;
      // TRNAMT carries its own sign: negative is money out.
      const amountText = str(t.TRNAMT);
      const negative = amountText?.startsWith('-') ?? false;
      const unsigned = amountOf(amountText?.replace(/^[+-]/, ''), lineCurrency, at);
      const posted = str(t.DTPOSTED);
      if (!posted)
        throw new StatementError(`Date de l’opération manquante (${at}).`, `Transaction date missing (${at}).`);
      const user = str(t.DTUSER);
      const name = str(t.NAME) ?? str(t.PAYEE?.NAME) ?? str(t.PAYEE);
      return {
        bookedOn: isoDate(posted, at),
        valueOn: user ? isoDate(user, at) : null,
        amountCents: negative ? -unsigned : unsigned,
        currency: lineCurrency,
        description: clean(str(t.MEMO) ?? name),
        counterparty: orNull(name),
        reference: orNull(str(t.REFNUM) ?? str(t.CHECKNUM)),
        bankId: str(t.FITID),
      };
    });
    return {
      account: {
        iban: null,
        accountNumber: str(from?.ACCTID) ?? null,
        currency,
        name: null,
        institution: str(ofx?.SIGNONMSGSRSV1?.SONRS?.FI?.ORG) ?? str(from?.BANKID) ?? null,
      },
      reference: null,
      lines: withExternalIds(drafts),
      // LEDGERBAL is a closing balance alone: OFX states no opening balance to check the lines against.
      balances: [],
    };
  });
}
