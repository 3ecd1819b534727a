import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { rules } from '../../pricing-rules';
import { PAGE_PATH, renderPricingConfigsPage } from '../../scripts/pricing-configs.docs';

// docs/pricing-configs.md is generated from the rules' zod schemas: a rule that changes its
// config without `npm run docs:pricing-schemas` leaves the page stale, and this test says so.
it('docs/pricing-configs.md is what npm run docs:pricing-schemas writes', () => {
  expect(readFileSync(PAGE_PATH, 'utf8')).toBe(renderPricingConfigsPage());
});

it('documents every registered kind', () => {
  const page = readFileSync(PAGE_PATH, 'utf8');
  for (const rule of rules) expect(page).toContain(`## \`${rule.kind}\``);
});

// The JSON Schema states by hand what a decimal field's transform accepts (zod cannot see
// through it): its pattern must accept and refuse the same strings as the rule itself. (It does
// refuse "-0", which the rules read as 0: stricter than the server, never wrong for a client.)
type Field = {
  kind: string;
  build: (value: string) => Record<string, unknown>;
  pick: (schema: Record<string, any>) => { pattern: string };
};
const fields: Field[] = [
  { kind: 'per_unit', build: (v) => ({ unitAmount: v }), pick: (s) => s.properties.unitAmount },
  { kind: 'package', build: (v) => ({ packageSize: v, packageAmount: '1' }), pick: (s) => s.properties.packageSize },
  {
    kind: 'bundle',
    build: (v) => ({ components: [{ priceCode: 'a', quantity: '1' }], discountPercent: v }),
    pick: (s) => s.properties.discountPercent,
  },
];
const samples = [
  '0',
  '1',
  '12.50',
  '100',
  '100.0',
  '100.01',
  '99.999999999999',
  '0.0000000000001',
  '-1',
  '-0.5',
  '0.000',
  '007',
  '1e3',
  '1.',
  '.5',
  ' 1',
  '+1',
  '',
  '123456789012345678',
  '123456789012345678.5',
  '1234567890123456789',
  '0001234567890123456789',
];

describe.each(fields)('the JSON Schema of $kind', ({ kind, build, pick }) => {
  const rule = rules.find((r) => r.kind === kind)!;
  const pattern = new RegExp(pick(z.toJSONSchema(rule.configSchema!, { io: 'input' }) as Record<string, any>).pattern);
  it.each(samples)('agrees with the rule on %j', (value) => {
    let accepted = true;
    try {
      rule.parseConfig(build(value));
    } catch {
      accepted = false;
    }
    expect(pattern.test(value)).toBe(accepted);
  });
});
