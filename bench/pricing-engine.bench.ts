/**
 * In-process benchmark of the pricing engine against the bare decimal.js arithmetic the same
 * lines need, measured in the same run (so the machine's speed cancels out).
 *
 *   node -r @swc-node/register bench/pricing-engine.bench.ts
 *
 * The engine does more than the baseline on purpose: contract lookup, dispatch through the
 * registry, bundle components resolved through the engine, and the readable steps of every
 * line. The mix includes a pricing plugin (examples/pricing-plugin/stairstep.js, loaded as
 * TARIFF_PRICING_PLUGINS loads it, so priced through the plugin guard) and a formula. The
 * baseline is honest: its total must equal the engine's to the cent, line by line. The
 * plugin's and the formula's lines are also timed alone, with their own ratios.
 */
import { join } from 'node:path';
import { createLogger } from '../src/logger';
import { type ContractTerms, Decimal, type PriceSnapshot, ZERO, parseContractItem, parseRule, priceLine } from '../src/pricing';
import { loadPricingPlugins } from '../src/pricing-plugins';

loadPricingPlugins([join(__dirname, '../examples/pricing-plugin/stairstep.js')], createLogger('silent'));

const LINES = 100_000;
const ROUNDS = 7;
const WARMUP_ROUNDS = 2;
const TARGET_RATIO = 3;

const price = (code: string, kind: string, config: unknown): PriceSnapshot => ({
  code,
  currency: 'EUR',
  interval: 'MONTH',
  intervalCount: 1,
  rule: parseRule(kind, config),
});

const TIERS = [
  { upTo: '10', unitAmount: '5' },
  { upTo: '50', unitAmount: '4' },
  { upTo: null, unitAmount: '3' },
];
const VOLUME_TIERS = [
  { upTo: '100', unitAmount: '2.5', flatAmount: '10' },
  { upTo: '1000', unitAmount: '2' },
  { upTo: null, unitAmount: '1.75' },
];

const catalog: PriceSnapshot[] = [
  price('plan', 'flat', { amount: '99.00' }),
  price('api-calls', 'per_unit', { unitAmount: '0.000125' }),
  price('seats', 'graduated', { tiers: TIERS }),
  price('storage', 'volume', { tiers: VOLUME_TIERS }),
  price('sms', 'package', { packageSize: '100', packageAmount: '7.5' }),
  price('events', 'usage', { metric: 'events', aggregation: 'sum', pricing: { kind: 'graduated', config: { tiers: TIERS } } }),
  price('suite', 'bundle', {
    components: [
      { priceCode: 'seats', quantity: '5' },
      { priceCode: 'api-calls', quantity: '10000' },
    ],
    discountPercent: '15',
  }),
  price('stairs', 'stairstep', {
    steps: [
      { upTo: '10', amount: '49' },
      { upTo: '50', amount: '199' },
      { upTo: null, amount: '499' },
    ],
  }),
  price('calls', 'formula', { expression: 'min(q, 100) * 2.5 + max(q - 100, 0) * 2' }),
];
/** The kinds whose lines are also timed alone, by their index in the catalog. */
const ALONE: Record<string, number> = { 'stairstep (plugin)': 7, formula: 8 };
const byCode = new Map(catalog.map((p) => [p.code, p]));
const resolvePrice = (code: string): PriceSnapshot | undefined => byCode.get(code);

const contracts: ContractTerms[] = [
  {
    code: 'ACME-2026',
    startsAt: new Date(Date.UTC(2026, 0, 1)),
    endsAt: new Date(Date.UTC(2027, 0, 1)),
    minimumCommitment: null,
    items: [
      { priceCode: 'api-calls', ...parseContractItem('per_unit', { override: { unitAmount: '0.0001' } }) },
      { priceCode: 'seats', ...parseContractItem('graduated', { discountPercent: '12.5' }) },
      { priceCode: 'suite', ...parseContractItem('bundle', { discountPercent: '5' }) },
    ],
  },
];
const at = new Date(Date.UTC(2026, 5, 15));

// Deterministic quantities (a linear congruential generator), fractional ones included.
let seed = 42;
const next = (): number => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed;
};
interface Line {
  kind: number;
  price: PriceSnapshot;
  quantity: Decimal;
}
const lines: Line[] = Array.from({ length: LINES }, (_, i) => {
  const kind = i % catalog.length;
  const r = next();
  const quantity = [
    () => new Decimal(1 + (r % 3)),
    () => new Decimal(r % 2_000_000),
    () => new Decimal(r % 120),
    () => new Decimal(r % 2000).plus(new Decimal(r % 100).div(100)),
    () => new Decimal(r % 1000),
    () => new Decimal(r % 90).plus(new Decimal(r % 10).div(10)),
    () => new Decimal(1 + (r % 4)),
    () => new Decimal(1 + (r % 80)),
    () => new Decimal(r % 300).plus(new Decimal(r % 4).div(4)),
  ][kind]();
  return { kind, price: catalog[kind], quantity };
});

function runEngine(subset: readonly Line[] = lines): Decimal {
  let total = ZERO;
  for (const line of subset) {
    total = total.plus(priceLine({ price: line.price, quantity: line.quantity, currency: 'EUR', contracts, at, resolvePrice }).amount);
  }
  return total;
}

// The baseline: the same arithmetic written out by hand, constants parsed once, no steps.
const D = (s: string): Decimal => new Decimal(s);
const T = [D('10'), D('50'), D('5'), D('4'), D('3')];
const V = { b1: D('100'), b2: D('1000'), u1: D('2.5'), f1: D('10'), u2: D('2'), u3: D('1.75') };
const C = { plan: D('99.00'), api: D('0.0001'), apiCatalog: D('0.000125'), pkgSize: D('100'), pkgAmount: D('7.5') };
// Discounts as the fraction kept, precomputed: the cheapest honest way to take 12.5 % off.
const KEEP = { seats: D('0.875'), suite: D('0.85'), suiteContract: D('0.95') };
const FIVE = D('5');
const TEN_THOUSAND = D('10000');
const STAIRS = { b1: D('10'), b2: D('50'), s1: D('49'), s2: D('199'), s3: D('499') };
const CALLS = { cap: D('100'), first: D('2.5'), beyond: D('2') };

function graduatedInline(q: Decimal): Decimal {
  let amount = ZERO;
  if (q.gt(ZERO)) amount = amount.plus(Decimal.min(q, T[0]).times(T[2]));
  if (q.gt(T[0])) amount = amount.plus(Decimal.min(q, T[1]).minus(T[0]).times(T[3]));
  if (q.gt(T[1])) amount = amount.plus(q.minus(T[1]).times(T[4]));
  return amount;
}

function baselineLine(kind: number, q: Decimal): Decimal {
  switch (kind) {
    case 0:
      return C.plan.times(q);
    case 1:
      return q.times(C.api);
    case 2:
      return graduatedInline(q).times(KEEP.seats);
    case 3: {
      if (q.isZero()) return ZERO;
      if (q.lte(V.b1)) return q.times(V.u1).plus(V.f1);
      return q.times(q.lte(V.b2) ? V.u2 : V.u3);
    }
    case 4: {
      const whole = q.divToInt(C.pkgSize);
      return (whole.times(C.pkgSize).lt(q) ? whole.plus(1) : whole).times(C.pkgAmount);
    }
    case 5:
      return graduatedInline(q);
    case 6: {
      const sum = graduatedInline(FIVE.times(q)).plus(TEN_THOUSAND.times(q).times(C.apiCatalog));
      return sum.times(KEEP.suite).times(KEEP.suiteContract);
    }
    case 7:
      return q.isZero() ? ZERO : q.lte(STAIRS.b1) ? STAIRS.s1 : q.lte(STAIRS.b2) ? STAIRS.s2 : STAIRS.s3;
    default:
      return Decimal.min(q, CALLS.cap)
        .times(CALLS.first)
        .plus(Decimal.max(q.minus(CALLS.cap), ZERO).times(CALLS.beyond));
  }
}

function runBaseline(subset: readonly Line[] = lines): Decimal {
  let total = ZERO;
  for (const line of subset) {
    total = total.plus(baselineLine(line.kind, line.quantity).toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
  }
  return total;
}

function time(fn: () => Decimal): { ms: number; total: Decimal } {
  const start = process.hrtime.bigint();
  const total = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, total };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const perSecond = (ms: number): string => Math.round((LINES / ms) * 1000).toLocaleString('en-US');

/** Untimed: the two must agree line by line, not only in total, or the ratio means nothing. */
function checkSameResults(): void {
  lines.forEach((line, i) => {
    const engine = priceLine({ price: line.price, quantity: line.quantity, currency: 'EUR', contracts, at, resolvePrice }).amount;
    const baseline = baselineLine(line.kind, line.quantity).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    if (!engine.eq(baseline)) {
      console.error(
        `line ${i} (${line.price.code} × ${line.quantity.toFixed()}): engine ${engine.toFixed(2)}, baseline ${baseline.toFixed(2)}`,
      );
      process.exit(2);
    }
  });
}

/** Median times of the engine and the baseline over `subset`, each round alternating which goes first. */
function measure(subset: readonly Line[], log: boolean): { engine: number; baseline: number } {
  const engine: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    // Alternate which goes first so neither always runs on a warmer or a busier machine.
    let e: { ms: number; total: Decimal };
    let b: { ms: number; total: Decimal };
    if (i % 2 === 0) {
      e = time(() => runEngine(subset));
      b = time(() => runBaseline(subset));
    } else {
      b = time(() => runBaseline(subset));
      e = time(() => runEngine(subset));
    }
    if (!e.total.eq(b.total)) {
      console.error(`totals differ: engine ${e.total.toFixed(2)}, baseline ${b.total.toFixed(2)}: the baseline is not doing the same work`);
      process.exit(2);
    }
    engine.push(e.ms);
    baseline.push(b.ms);
    if (log) console.log(`round ${i + 1}: engine ${e.ms.toFixed(1)} ms, baseline ${b.ms.toFixed(1)} ms, total ${e.total.toFixed(2)} EUR`);
  }
  return { engine: median(engine), baseline: median(baseline) };
}

function main(): void {
  checkSameResults();
  for (let i = 0; i < WARMUP_ROUNDS; i++) {
    runEngine();
    runBaseline();
  }
  const all = measure(lines, true);
  const ratio = all.engine / all.baseline;
  for (const [name, kind] of Object.entries(ALONE)) {
    const alone = measure(
      lines.filter((line) => line.kind === kind),
      false,
    );
    console.log(`${name} lines alone: ratio ${(alone.engine / alone.baseline).toFixed(2)}x`);
  }
  console.log(
    `engine ${perSecond(all.engine)} lines/s, baseline ${perSecond(all.baseline)} lines/s, ratio ${ratio.toFixed(2)}x (target ≤ ${TARGET_RATIO}x)`,
  );
  if (ratio > TARGET_RATIO) process.exit(1);
}

main();
