// Writes docs/pricing-configs.md from the pricing rules' own zod schemas (`npm run
// docs:pricing-schemas`). test/docs/pricing-configs.test.ts fails when the page and the rules
// disagree, so the page cannot silently go stale when a rule changes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../pricing-rules';
import { type PricingRule, configJsonSchema } from '../src/pricing';

export const PAGE_PATH = join(__dirname, '..', 'docs', 'pricing-configs.md');

/** What a reader needs beside the schema: the meaning, and an example the rule itself accepts. */
const ABOUT: Record<string, { meaning: string; example: Record<string, unknown> }> = {
  flat: {
    meaning: '`amount` per unit; the quantity is usually 1 (a plan fee), and 0 prices to 0.',
    example: { amount: '49.00' },
  },
  per_unit: {
    meaning: 'quantity × `unitAmount`. `unitAmount` may carry up to 12 decimals (0.000125 per API call).',
    example: { unitAmount: '0.000125' },
  },
  graduated: {
    meaning:
      'Each unit is priced in the tier it falls in (10 × 5.00 + 40 × 4.00 + …); a tier covers (previous `upTo`, `upTo`], and ' +
      'its `flatAmount`, if any, is added once when the quantity enters that tier. Tiers are sorted by `upTo`, without ' +
      'duplicates, and only the last has `upTo: null` (no ceiling).',
    example: {
      tiers: [
        { upTo: '10', unitAmount: '5.00' },
        { upTo: '50', unitAmount: '4.00' },
        { upTo: null, unitAmount: '3.00', flatAmount: '20.00' },
      ],
    },
  },
  volume: {
    meaning:
      "The tier that contains the quantity prices every unit, plus that tier's `flatAmount` if it has one. Tiers as for `graduated`.",
    example: {
      tiers: [
        { upTo: '100', unitAmount: '2.00' },
        { upTo: null, unitAmount: '1.50' },
      ],
    },
  },
  package: {
    meaning: 'Units are sold in packages of `packageSize`; a started package is a whole package.',
    example: { packageSize: '1000', packageAmount: '5.00' },
  },
  usage: {
    meaning:
      "Metered: the period's events of `metric`, aggregated by `aggregation`, give the quantity, which is priced by the " +
      "nested `pricing` (one of `per_unit`, `graduated`, `volume`, `package`, with that kind's config). Billed in arrears " +
      'for the period it was used in, never prorated.',
    example: { metric: 'api_calls', aggregation: 'sum', pricing: { kind: 'per_unit', config: { unitAmount: '0.002' } } },
  },
  formula: {
    meaning:
      'The amount is an expression over `q`, the quantity, in exact decimals: numbers, `+ - * /`, parentheses, ' +
      '`min(a, b, …)`, `max(a, b, …)`, `ceil(x)`, `floor(x)`, `round(x, decimals)` (half-up; `round(x)` is `round(x, 0)`) ' +
      'and `if(condition, then, else)`, whose condition compares two values with `<`, `<=`, `>`, `>=`, `==` or `!=`. It is ' +
      'parsed when the price is created; a mistake is refused at `rule.config.expression` with its position. At most 500 ' +
      'characters, 200 terms and 20 levels of nesting; numbers as in any config (no exponent). q = 0 prices to 0; an ' +
      'amount below zero, a division by zero or a value of 10^30 or more fails the line that meets it. The example charges ' +
      '2.50 a unit for the first 100 units and 2.00 beyond (q = 150 → 350.00).',
    example: { expression: 'min(q, 100) * 2.5 + max(q - 100, 0) * 2' },
  },
  bundle: {
    meaning:
      'One bundle unit is each component priced by its own catalog price at `quantity` × the bundle quantity; ' +
      '`fixedAmount` × the quantity replaces their sum, or `discountPercent` comes off it (not both). Components are other ' +
      'prices of the same currency, each listed once.',
    example: {
      components: [
        { priceCode: 'seat-monthly', quantity: '5' },
        { priceCode: 'storage-monthly', quantity: '1' },
      ],
      discountPercent: '10',
    },
  },
};

const json = (value: unknown): string => JSON.stringify(value, null, 2);

function section(rule: PricingRule): string {
  const { kind } = rule;
  const about = ABOUT[kind];
  if (about === undefined)
    throw new Error(`pricing rule '${kind}' has no entry in scripts/pricing-configs.docs.ts: add its meaning and example`);
  // The example goes through the rule's own parser: a page whose example the API would refuse fails here.
  rule.parseConfig(about.example);
  return [
    `## \`${kind}\``,
    '',
    about.meaning,
    '',
    'Example:',
    '',
    '```json',
    json({ kind, config: about.example }),
    '```',
    '',
    '<details><summary>JSON Schema of <code>config</code></summary>',
    '',
    '```json',
    json(configJsonSchema(rule)),
    '```',
    '',
    '</details>',
    '',
  ].join('\n');
}

export function renderPricingConfigsPage(): string {
  const sections = rules.map((rule) => {
    if (rule.configSchema === undefined)
      throw new Error(`pricing rule '${rule.kind}' has no configSchema: set it to the zod schema its parseConfig uses`);
    return section(rule);
  });
  return [
    '# Price configs',
    '',
    '<!-- Generated by `npm run docs:pricing-schemas` from the zod schemas in pricing-rules/; do not edit by hand. -->',
    '',
    "A price's `rule` is a `kind` and a `config` (`PricingRuleInput`, and `PricingRule` when read). The GraphQL",
    'schema types `config` as `JSONObject` because its shape depends on the kind; this page gives that shape for every',
    'kind, as the JSON Schema of what the rule accepts, generated from the schema the rule validates with, so it is',
    "what `createPrice` and `updatePrice` check. A contract item's `override` (see [subscriptions](subscriptions.md))",
    "is a config of the price's own kind and follows the same schema. The same schemas are served by the query",
    '`pricingRuleKinds { kind builtIn configSchema }`, with those of the kinds pricing plugins add',
    '([pricing plugins](pricing-plugins.md)), which this page cannot know.',
    '',
    'Decimals are strings such as `"12.50"` (a plain JSON number is accepted when its plain form is such a string, so',
    '`0.1` passes and `1e3` does not), with at most 18 digits before the point and 12 after. Unknown keys are refused',
    '(a misspelt key is an error, not a default). A config that breaks a rule the schema cannot express (tiers out of',
    'order, a bundle component listed twice, a component price that does not exist) is refused with `BAD_USER_INPUT`',
    'and the path of the offending field, such as `rule.config.tiers[1].upTo`.',
    '',
    'Kinds: ' + rules.map((rule) => `[\`${rule.kind}\`](#${rule.kind})`).join(', ') + '.',
    '',
    ...sections,
  ].join('\n');
}

if (require.main === module) {
  writeFileSync(PAGE_PATH, renderPricingConfigsPage());
  process.stdout.write(`wrote ${PAGE_PATH}\n`);
}
