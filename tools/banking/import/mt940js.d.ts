// mt940js ships no types; only what readMt940 uses is declared.
declare module 'mt940js' {
  export interface Mt940Tag {
    id: number | string;
    data: string;
    re: RegExp;
  }
  interface Mt940Transaction {
    date: Date;
    entryDate: Date | '';
    amount: number;
    isReversal: boolean;
    currency: string;
    details: string;
    transactionType: string;
    reference: string;
    bankReference: string;
    extraDetails: string;
    structuredDetails?: Record<string, string>;
  }
  interface Mt940Statement {
    transactionReference: string;
    accountIdentification: string;
    currency: string;
    transactions: Mt940Transaction[];
    tags?: Mt940Tag[];
  }
  export class Parser {
    constructor(params?: { no86Structure?: boolean });
    parse(data: string, withTags?: boolean): Mt940Statement[];
    protected _validateGroup(group: unknown, idx: number): void;
  }
  const mt940: { Parser: typeof Parser };
  export default mt940;
}
