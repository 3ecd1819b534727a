import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { authorize, authorizeCustomer, type CustomerRecord } from '../auth/actor';
import { Customer } from '../customers/customer.entity';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import { Invoice } from '../invoices/invoice.entity';
import { creditBalances } from '../payments/credit-balance';
import type { Decimal } from '../../pricing/decimal';
import { isId } from '../shared/ids';
import type { ServiceContext } from '../shared/service-context';
import { clockForCustomer } from '../test-clocks/customer-clock';
import { allocateEntry } from './bank-entry-allocation';
import { BankEntry, BankEntryStatus } from './bank-entry.entity';
import { matchEntry } from './bank-matching';
import { BankStatementFormat, BankStatementParseError, ParsedBankEntry, ParsedBankStatement } from './bank-statement-format';
import { BankStatement } from './bank-statement.entity';
import { parseCamt053 } from './camt053';
import { parseMt940 } from './mt940';

export interface ImportBankStatementInput {
  format: BankStatementFormat;
  content: string;
}

/** A statement as imported so far: its entries, how many are placed, and those still waiting for a person. */
export interface BankStatementImportResult {
  statement: BankStatement;
  entries: number;
  matched: number;
  unmatched: BankEntry[];
}

/** Exactly one of the two. */
export interface AssignBankEntryTarget {
  invoiceId?: string | null;
  customerId?: string | null;
}

const MAX_CONTENT = 5_000_000;
const parsers: Record<BankStatementFormat, (content: string) => ParsedBankStatement[]> = {
  [BankStatementFormat.CAMT053]: parseCamt053,
  [BankStatementFormat.MT940]: parseMt940,
};

export class BankStatementService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * Imports one statement in one transaction: entries it already holds (same statement id and
   * entry reference) are skipped, so importing it again pays nothing twice; each new credit entry
   * is matched (bank-matching.ts) and paid, or left UNMATCHED for assignBankEntry.
   */
  async import(input: ImportBankStatementInput): Promise<BankStatementImportResult> {
    authorize(this.ctx.actor, 'payments:record');
    const statement = parseStatement(input);
    return this.ctx.em.transactional(async (em) => {
      // Two imports of one statement queue here: the second finds every entry the first stored.
      await boundRows(em, 'select pg_advisory_xact_lock(hashtext(?))', [`bank_statement:${input.format}:${statement.statementId}`]);
      const now = this.ctx.clock.now();
      const stored =
        (await em.findOne(BankStatement, { format: input.format, statementId: statement.statementId })) ??
        em.create(BankStatement, {
          format: input.format,
          statementId: statement.statementId,
          importedByKeyId: this.ctx.actor.keyId,
          importedAt: now,
        });
      await em.flush();
      const known = new Set((await em.find(BankEntry, { statement: stored.id }, { fields: ['entryKey'] })).map((e) => e.entryKey));
      let position = known.size;
      for (const parsed of statement.entries) {
        const entryKey = `${input.format}:${statement.statementId}:${parsed.entryRef}`;
        if (known.has(entryKey)) continue;
        known.add(entryKey);
        await this.place(em, stored, parsed, entryKey, position++, now);
      }
      return summary(em, stored);
    });
  }

  /** What a customer paid beyond its invoices and has not used yet; a CUSTOMER key reads its own only. */
  /** Read with the customer, as its creditExposure is: whoever may read the customer sees what it has to its credit. */
  async creditBalance(customer: string | CustomerRecord): Promise<Decimal> {
    authorizeCustomer(this.ctx.actor, 'customers:read', customer);
    const customerId = typeof customer === 'string' ? customer : customer.id;
    return (await creditBalances(this.ctx.em, [customerId])).get(customerId)!;
  }

  /** A person places an UNMATCHED credit: on an invoice (the excess to its customer's balance), or wholly on a customer's balance. */
  async assign(id: string, target: AssignBankEntryTarget): Promise<BankEntry> {
    authorize(this.ctx.actor, 'payments:record');
    if (!target.invoiceId === !target.customerId) throw new InvalidInputError('invoiceId', 'give either an invoiceId or a customerId');
    return this.ctx.em.transactional(async (em) => {
      const entry = isId(id) ? await em.findOne(BankEntry, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
      if (!entry) throw new NotFoundError('bank entry', id.slice(0, 100), 'id');
      if (entry.status !== BankEntryStatus.UNMATCHED) {
        throw new ConflictError(`bank entry ${entry.id} is ${entry.status}: only an UNMATCHED entry is assigned`, {
          details: { status: entry.status },
        });
      }
      const customer = target.invoiceId
        ? await this.customerOfInvoice(em, target.invoiceId, entry)
        : await this.customer(em, target.customerId ?? '', entry);
      const now = (await clockForCustomer(em, customer.id, this.ctx.clock)).now();
      await allocateEntry(em, entry, customer, target.invoiceId ? [target.invoiceId] : [], this.ctx.actor, now);
      entry.status = BankEntryStatus.ASSIGNED;
      await em.flush();
      return entry;
    });
  }

  private async place(em: EntityManager, statement: BankStatement, parsed: ParsedBankEntry, entryKey: string, position: number, now: Date) {
    const { entryRef: _ref, ...fields } = parsed;
    const entry = em.create(BankEntry, { ...fields, statement, entryKey, position, status: BankEntryStatus.UNMATCHED, createdAt: now });
    await em.flush();
    if (!parsed.credit || parsed.amount.lte(0)) {
      entry.status = BankEntryStatus.IGNORED;
      await em.flush();
      return;
    }
    const match = await matchEntry(em, parsed);
    if (!match) return;
    const customer = await em.findOneOrFail(Customer, { id: match.customerId });
    if (customer.currency !== parsed.currency) return; // its credit balance is kept in the customer's currency
    const at = (await clockForCustomer(em, customer.id, this.ctx.clock)).now();
    await allocateEntry(em, entry, customer, match.invoiceIds, this.ctx.actor, at);
    entry.status = BankEntryStatus.MATCHED;
    await em.flush();
  }

  private async customerOfInvoice(em: EntityManager, invoiceId: string, entry: BankEntry): Promise<Customer> {
    const invoice = isId(invoiceId) ? await em.findOne(Invoice, { id: invoiceId }) : null;
    if (!invoice) throw new NotFoundError('invoice', invoiceId.slice(0, 100), 'invoiceId');
    if (invoice.currency !== entry.currency)
      throw new InvalidInputError('invoiceId', `the invoice is in ${invoice.currency}, the entry in ${entry.currency}`);
    return this.customer(em, invoice.customer.id, entry);
  }

  private async customer(em: EntityManager, customerId: string, entry: BankEntry): Promise<Customer> {
    const customer = isId(customerId) ? await em.findOne(Customer, { id: customerId }) : null;
    if (!customer) throw new NotFoundError('customer', customerId.slice(0, 100), 'customerId');
    if (customer.currency !== entry.currency)
      throw new InvalidInputError('customerId', `the customer pays in ${customer.currency}, the entry is in ${entry.currency}`);
    return customer;
  }
}

function parseStatement(input: ImportBankStatementInput): ParsedBankStatement {
  if (input.content.trim().length === 0) throw new InvalidInputError('input.content', 'the statement is empty');
  if (input.content.length > MAX_CONTENT) throw new InvalidInputError('input.content', `a statement of at most ${MAX_CONTENT} characters`);
  let statements: ParsedBankStatement[];
  try {
    statements = parsers[input.format](input.content);
  } catch (err) {
    // Whatever the parser refuses is the content's fault, never ours: its reason, at the field.
    const reason = err instanceof BankStatementParseError || err instanceof Error ? err.message : String(err);
    throw new InvalidInputError('input.content', `not a valid ${input.format} statement: ${reason}`);
  }
  if (statements.length !== 1) {
    throw new InvalidInputError('input.content', `the content holds ${statements.length} statements: import them one at a time`);
  }
  // Banks repeat placeholder references (NONREF): a repeated one is told apart by its place, which a re-sent statement keeps.
  const seen = new Set<string>();
  const entries = statements[0].entries.map((e, i) => {
    const entryRef = seen.has(e.entryRef) ? `${e.entryRef}#${i}` : e.entryRef;
    seen.add(entryRef);
    return { ...e, entryRef };
  });
  return { ...statements[0], entries };
}

async function summary(em: EntityManager, statement: BankStatement): Promise<BankStatementImportResult> {
  const entries = await em.find(BankEntry, { statement: statement.id }, { orderBy: { position: 'asc' } });
  return {
    statement,
    entries: entries.length,
    matched: entries.filter((e) => e.status === BankEntryStatus.MATCHED || e.status === BankEntryStatus.ASSIGNED).length,
    unmatched: entries.filter((e) => e.status === BankEntryStatus.UNMATCHED),
  };
}
