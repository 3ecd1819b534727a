import { z } from 'zod';

/** The roles the general ledger posts to; each is one account of the seller's chart. */
export const ACCOUNT_ROLES = [
  'bank',
  'receivables',
  'customerCredit',
  'refundsClearing',
  'vatPayable',
  'deferredRevenue',
  'revenue',
  'badDebt',
] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export interface LedgerAccount {
  /** The ERP's account number ("1200"). */
  number: string;
  /** Hierarchical with ':' as hledger reads it ("Assets:Accounts Receivable"). */
  name: string;
}

export type ChartOfAccounts = Record<AccountRole, LedgerAccount>;

/**
 * A small SKR-neutral chart that any ERP mapping can start from; the seller overrides any account
 * (number or name) in updateSellerSettings. Assets and liabilities first, as hledger sorts them.
 */
export const DEFAULT_CHART_OF_ACCOUNTS: Readonly<ChartOfAccounts> = Object.freeze({
  bank: { number: '1000', name: 'Assets:Bank' },
  receivables: { number: '1200', name: 'Assets:Accounts Receivable' },
  customerCredit: { number: '2300', name: 'Liabilities:Customer Credit Balances' },
  refundsClearing: { number: '2350', name: 'Liabilities:Refunds Clearing' },
  vatPayable: { number: '2200', name: 'Liabilities:VAT Payable' },
  deferredRevenue: { number: '2400', name: 'Liabilities:Deferred Revenue' },
  revenue: { number: '4000', name: 'Revenue:Subscriptions' },
  badDebt: { number: '6800', name: 'Expenses:Bad Debt' },
});

// hledger ends an account name at two spaces or a tab, and ';' starts a comment.
const ACCOUNT_NAME = /^[^\s;:][^\t;]*$/;

const accountSchema = z.object({
  number: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9.\-_/]{1,20}$/, { error: 'must be 1 to 20 letters, digits or . - _ /' })
    .nullish(),
  name: z
    .string()
    .trim()
    .max(200)
    .refine((n) => ACCOUNT_NAME.test(n) && !n.includes('  ') && !n.split(':').some((part) => part.trim() === ''), {
      error: "must be a name like 'Assets:Bank': no tab, ';', double space or empty ':' part",
    })
    .nullish(),
});

/** The accounts updateSellerSettings may change: only those given, and in them only the fields given. */
export const chartOfAccountsInputSchema = z.object(
  Object.fromEntries(ACCOUNT_ROLES.map((role) => [role, accountSchema.nullish()])),
) as z.ZodType<Partial<Record<AccountRole, { number?: string | null; name?: string | null } | null>>>;

export type StoredChart = Partial<Record<AccountRole, Partial<LedgerAccount>>>;

/** The stored overrides over the defaults: always a whole chart. */
export function chartOf(stored: StoredChart | null | undefined): ChartOfAccounts {
  const chart = {} as ChartOfAccounts;
  for (const role of ACCOUNT_ROLES) chart[role] = { ...DEFAULT_CHART_OF_ACCOUNTS[role], ...(stored?.[role] ?? {}) };
  return chart;
}

/** The stored overrides after an update: given fields replace, absent ones stay. */
export function mergeChart(
  stored: StoredChart | null | undefined,
  update: Partial<Record<AccountRole, { number?: string | null; name?: string | null } | null>>,
): StoredChart {
  const next: StoredChart = { ...(stored ?? {}) };
  for (const role of ACCOUNT_ROLES) {
    const given = update[role];
    if (!given) continue;
    const merged = { ...(next[role] ?? {}) };
    if (given.number != null) merged.number = given.number;
    if (given.name != null) merged.name = given.name;
    next[role] = merged;
  }
  return next;
}

/** Two roles on one account would merge balances the reports tell apart (receivables, deferred revenue). */
export function duplicateAccount(chart: ChartOfAccounts): AccountRole | null {
  const seen = new Set<string>();
  for (const role of ACCOUNT_ROLES) {
    if (seen.has(chart[role].name)) return role;
    seen.add(chart[role].name);
  }
  return null;
}
