import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { Decimal } from '../../pricing/decimal';
import { authorize } from '../auth/actor';
import { InvalidInputError } from '../errors';
import { readSellerSettings } from '../settings/seller-settings.service';
import type { ServiceContext } from '../shared/service-context';
import { ageReceivables, type AgedReceivablesRow } from './aged-receivables';
import { journalFrom, type JournalEntry } from './journal';
import { loadLedgerFacts } from './ledger-facts';

/** A journal is read over at most this long a range in one call (the export CLI splits longer ones). */
export const MAX_JOURNAL_DAYS = 400;

/** The journal of [from, to), computed from the stored documents with the seller's chart of accounts. */
export async function readJournal(em: EntityManager, from: Date, to: Date): Promise<JournalEntry[]> {
  const settings = await readSellerSettings(em);
  return journalFrom(await loadLedgerFacts(em, from, to), settings.chartOfAccounts, from, to);
}

export interface AgedReceivables {
  asOf: Date;
  customers: AgedReceivablesRow[];
  totals: AgedReceivablesRow[];
}

/** Open invoices' remaining amounts (what receivables hold): OPEN, finalized, something left to pay. */
export async function openReceivables(em: EntityManager) {
  const rows = await boundRows<{ customer_id: string; customer_name: string; currency: string; due_at: Date; remaining: string }>(
    em,
    `select i.customer_id, c.name as customer_name, i.currency, coalesce(i.due_at, i.finalized_at) as due_at, (i.amount_due - i.amount_paid)::text as remaining
       from invoice i join customer c on c.id = i.customer_id
      where i.status = 'OPEN' and i.finalized_at is not null and i.amount_due > i.amount_paid`,
  );
  return rows.map((r) => ({
    customerId: r.customer_id,
    customerName: r.customer_name,
    currency: r.currency,
    dueAt: new Date(r.due_at),
    amountRemaining: new Decimal(r.remaining),
  }));
}

/** The general ledger and the receivables reports: the seller's finance staff only (analytics:read). */
export class LedgerService {
  constructor(private readonly ctx: ServiceContext) {}

  async journalEntries(from: Date, to: Date): Promise<JournalEntry[]> {
    authorize(this.ctx.actor, 'analytics:read');
    if (to.getTime() <= from.getTime()) throw new InvalidInputError('to', 'must be after from');
    if (to.getTime() - from.getTime() > MAX_JOURNAL_DAYS * 86_400_000)
      throw new InvalidInputError('to', `must be at most ${MAX_JOURNAL_DAYS} days after from: read a longer range in parts`);
    return readJournal(this.ctx.em, from, to);
  }

  /**
   * What customers owe, by how long it is past due at `asOf` (default now): the open invoices'
   * amountRemaining as it stands, each in the bucket of its due date.
   */
  async agedReceivables(asOf: Date | null): Promise<AgedReceivables> {
    authorize(this.ctx.actor, 'analytics:read');
    const at = asOf ?? this.ctx.clock.now();
    return { asOf: at, ...ageReceivables(await openReceivables(this.ctx.em), at) };
  }
}
