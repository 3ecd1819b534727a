import type { Decimal } from '../../pricing/decimal';

export enum BankStatementFormat {
  CAMT053 = 'CAMT053',
  MT940 = 'MT940',
}

/** One booked line of a statement as the bank wrote it, before any matching. */
export interface ParsedBankEntry {
  /** Unique within its statement: the bank's own reference when it gives one, else the entry's position. */
  entryRef: string;
  /** Positive; `credit` says the direction. */
  amount: Decimal;
  currency: string;
  credit: boolean;
  bookingDate: Date | null;
  debtorName: string | null;
  debtorIban: string | null;
  /** The unstructured remittance lines, joined by a space. */
  remittance: string;
  /** The structured creditor reference (camt's CdtrRefInf/Ref), as given. */
  reference: string | null;
}

export interface ParsedBankStatement {
  /** The bank's statement id (camt Stmt/Id; MT940 :20: and :28C:), with the account, so two accounts never collide. */
  statementId: string;
  entries: ParsedBankEntry[];
}

/** Content a parser refused: the reason is the parser's own, for the caller to show at input.content. */
export class BankStatementParseError extends Error {}
