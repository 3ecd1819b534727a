import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { createLogger } from '../../src/logger';
import { loadPricingPlugins } from '../../src/pricing-plugins';
import { startTestApp, TestApp } from '../support/app';
import { createProduct, must } from '../support/catalog';
import { graphql } from '../support/generated';

// docs/pricing-plugins.md: a pricing rule written outside the repository (the stair-step example
// of examples/pricing-plugin/, copied to a temporary folder), loaded by TARIFF_PRICING_PLUGINS,
// prices like a built-in kind; a plugin's faults are BAD_USER_INPUT, never internal errors; a
// broken plugin stops the start and says which one and why.
const ROOT = path.resolve(__dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'tariff-plugins-'));
const file = (name: string, source?: string): string => {
  const target = path.join(dir, name);
  if (source !== undefined) writeFileSync(target, source);
  return target;
};
const stairstep = file('stairstep.js');
copyFileSync(path.join(ROOT, 'examples/pricing-plugin/stairstep.js'), stairstep);

// Every fault a plugin can have, one per config mode: its config is a bare string, which the engine carries as it is.
const faulty = file(
  'faulty.js',
  `'use strict';
const { Decimal } = require('tariff/pricing');
const modes = ['throws', 'number', 'nan', 'negative', 'nothing', 'unrounded', 'frozen'];
module.exports = {
  default: [{
    kind: 'faulty',
    apiVersion: '1.0',
    parseConfig(json) {
      if (!modes.includes(json.mode)) throw new Error('mode must be one of ' + modes.join(', '));
      return json.mode;
    },
    price(mode, quantity) {
      if (mode === 'throws') throw new TypeError('the index feed is down');
      if (mode === 'number') return { amount: 12.5, steps: [] };
      if (mode === 'nan') return { amount: new Decimal(NaN), steps: [] };
      if (mode === 'negative') return { amount: '-1', steps: [] };
      if (mode === 'nothing') return undefined;
      if (mode === 'unrounded') return { amount: quantity.times('3.3335').toFixed(), steps: ['faulty: q × 3.3335'] };
      return Object.freeze({ amount: new Decimal(1), steps: Object.freeze(['faulty: frozen']) });
    },
  }],
};
`,
);

const logs: { level: number; msg: string; plugin?: string; kind?: string; err?: { message?: string } }[] = [];
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({
    env: { TARIFF_PRICING_PLUGINS: `${stairstep}, ${faulty}`, LOG_LEVEL: 'info' },
    logDestination: { write: (line: string) => void logs.push(JSON.parse(line)) },
  });
  await createProduct(t, 'plan');
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const kindsQuery = graphql(`
  query PricingPluginsKinds {
    pricingRuleKinds {
      kind
      builtIn
      configSchema
    }
  }
`);

const createPriceMutation = graphql(`
  mutation PricingPluginsCreatePrice($input: CreatePriceInput!) {
    createPrice(input: $input) {
      code
      rule {
        kind
        config
      }
    }
  }
`);

const previewQuery = graphql(`
  query PricingPluginsPreview($input: PreviewQuoteInput!) {
    previewQuote(input: $input) {
      subtotal
      total
      lines {
        priceCode
        quantity
        amount
        steps
      }
    }
  }
`);

const priceInput = (code: string, kind: string, config: Record<string, unknown>) => ({
  input: { code, productCode: 'plan', currency: 'EUR', interval: 'MONTH' as const, rule: { kind, config } },
});
const preview = (lines: { priceCode: string; quantity: string }[]) => t.gql(previewQuery, { input: { currency: 'EUR', lines } });

describe('a plugin loaded by TARIFF_PRICING_PLUGINS', () => {
  it('is logged when loaded, with its kinds', () => {
    expect(logs).toContainEqual(expect.objectContaining({ msg: 'pricing plugin loaded', plugin: stairstep, kinds: ['stairstep'] }));
  });

  it('is listed by pricingRuleKinds after the built-in kinds, with builtIn false and its JSON Schema', async () => {
    const { pricingRuleKinds } = await must(t, kindsQuery);
    expect(pricingRuleKinds.map((k) => [k.kind, k.builtIn])).toEqual([
      ['flat', true],
      ['per_unit', true],
      ['graduated', true],
      ['volume', true],
      ['package', true],
      ['usage', true],
      ['bundle', true],
      ['formula', true],
      ['stairstep', false],
      ['faulty', false],
    ]);
    const schema = pricingRuleKinds.find((k) => k.kind === 'stairstep')!.configSchema;
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'stairstep config',
      type: 'object',
      required: ['steps'],
      additionalProperties: false,
      properties: { steps: { type: 'array', minItems: 1 } },
    });
    expect(pricingRuleKinds.find((k) => k.kind === 'faulty')!.configSchema).toEqual({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'faulty config',
      type: 'object',
      description: 'the faulty rule publishes no schema of its config',
    });
    expect(pricingRuleKinds.find((k) => k.kind === 'formula')!.configSchema).toMatchObject({
      properties: { expression: { type: 'string', maxLength: 500 } },
    });
  });

  it('prices through createPrice and previewQuote like a built-in kind, rounded once by the engine', async () => {
    const steps = [
      { upTo: '10', amount: '49' },
      { upTo: '50', amount: '199.005' },
      { upTo: null, amount: '499' },
    ];
    const created = await must(t, createPriceMutation, priceInput('seats-stairs', 'stairstep', { steps }));
    expect(created.createPrice).toEqual({ code: 'seats-stairs', rule: { kind: 'stairstep', config: { steps } } });
    const res = await preview([
      { priceCode: 'seats-stairs', quantity: '0' },
      { priceCode: 'seats-stairs', quantity: '10' },
      { priceCode: 'seats-stairs', quantity: '10.5' },
      { priceCode: 'seats-stairs', quantity: '60' },
    ]);
    expect(res.errors).toBeUndefined();
    expect(res.data!.previewQuote).toEqual({
      subtotal: '747.01',
      total: '747.01',
      lines: [
        {
          priceCode: 'seats-stairs',
          quantity: '0',
          amount: '0.00',
          steps: ['stairstep: 0 units = 0.00', 'rounded half-up to 2 decimals: 0.00'],
        },
        {
          priceCode: 'seats-stairs',
          quantity: '10',
          amount: '49.00',
          steps: ['stairstep: 10 units fall in step 1 = 49.00', 'rounded half-up to 2 decimals: 49.00'],
        },
        {
          priceCode: 'seats-stairs',
          quantity: '10.5',
          amount: '199.01',
          steps: ['stairstep: 10.5 units fall in step 2 = 199.005', 'rounded half-up to 2 decimals: 199.01'],
        },
        {
          priceCode: 'seats-stairs',
          quantity: '60',
          amount: '499.00',
          steps: ['stairstep: 60 units fall in step 3 = 499.00', 'rounded half-up to 2 decimals: 499.00'],
        },
      ],
    });
  });

  it("refuses a config its parseConfig refuses, at the plugin's own path under input.rule.config", async () => {
    const unsorted = {
      steps: [
        { upTo: '50', amount: '1' },
        { upTo: '10', amount: '2' },
        { upTo: null, amount: '3' },
      ],
    };
    const res = await t.gql(createPriceMutation, priceInput('bad-stairs', 'stairstep', unsorted));
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.rule.config.steps[1].upTo' });
    expect(res.errors?.[0].message).toBe('input.rule.config.steps[1].upTo: steps must be sorted by upTo, without duplicates');
  });

  it('refuses a config at input.rule.config with the message of whatever its parseConfig threw', async () => {
    const res = await t.gql(createPriceMutation, priceInput('bad-faulty', 'faulty', { mode: 'sideways' }));
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.rule.config' });
    expect(res.errors?.[0].message).toBe(
      'input.rule.config: mode must be one of throws, number, nan, negative, nothing, unrounded, frozen',
    );
  });

  it.each([
    ['throws', 'the index feed is down'],
    ['number', 'amount must be a Decimal or a decimal string such as "12.50", not the JavaScript number 12.5'],
    ['nan', 'amount must be finite, not NaN'],
    ['negative', 'amount must not be negative (-1)'],
    ['nothing', 'price returned undefined, not { amount, steps }'],
  ])('fails the line, not the server, when its price %s, and logs it with the plugin', async (mode, why) => {
    await must(t, createPriceMutation, priceInput(`faulty-${mode}`, 'faulty', { mode }));
    const res = await preview([{ priceCode: `faulty-${mode}`, quantity: '2' }]);
    const message = `input.lines[0].priceCode: the faulty pricing rule (plugin ${faulty}) failed: ${why}`;
    expect(res.errors?.map((e) => [e.message, e.extensions?.code, e.extensions?.field])).toEqual([
      [message, 'BAD_USER_INPUT', 'input.lines[0].priceCode'],
    ]);
    expect(logs).toContainEqual(
      expect.objectContaining({ level: 40, plugin: faulty, kind: 'faulty', err: expect.objectContaining({ message: why }) }),
    );
  });

  it("takes an amount as a decimal string, unrounded, and rounds the line once (the plugin's steps copied, even frozen)", async () => {
    await must(t, createPriceMutation, priceInput('faulty-unrounded', 'faulty', { mode: 'unrounded' }));
    await must(t, createPriceMutation, priceInput('faulty-frozen', 'faulty', { mode: 'frozen' }));
    const res = await preview([
      { priceCode: 'faulty-unrounded', quantity: '3' },
      { priceCode: 'faulty-frozen', quantity: '1' },
    ]);
    expect(res.errors).toBeUndefined();
    expect(res.data!.previewQuote.lines.map((l) => [l.amount, l.steps])).toEqual([
      ['10.00', ['faulty: q × 3.3335', 'rounded half-up to 2 decimals: 10.00']],
      ['1.00', ['faulty: frozen', 'rounded half-up to 2 decimals: 1.00']],
    ]);
  });
});

describe('the formula kind over GraphQL', () => {
  it('prices min(q, 100) * 2.5 + max(q - 100, 0) * 2 exactly', async () => {
    await must(t, createPriceMutation, priceInput('calls', 'formula', { expression: 'min(q, 100) * 2.5 + max(q - 100, 0) * 2' }));
    const res = await preview([
      { priceCode: 'calls', quantity: '150' },
      { priceCode: 'calls', quantity: '0.3' },
    ]);
    expect(res.errors).toBeUndefined();
    expect(res.data!.previewQuote.lines.map((l) => l.amount)).toEqual(['350.00', '0.75']);
    expect(res.data!.previewQuote.lines[0].steps).toEqual([
      'formula: min(q, 100) * 2.5 + max(q - 100, 0) * 2 with q = 150',
      'formula: min(150, 100) = 100; max(50, 0) = 50',
      'formula: 100 * 2.5 + 50 * 2 = 350.00',
      'rounded half-up to 2 decimals: 350.00',
    ]);
  });

  it.each([
    ['q * 2 +', "input.rule.config.expression: position 8: expected a number, q, a function or '(', the formula ends"],
    ['q.constructor', 'input.rule.config.expression: position 2: unexpected character "."'],
  ])('refuses %j at input.rule.config.expression with the position', async (expression, message) => {
    const res = await t.gql(createPriceMutation, priceInput('bad-formula', 'formula', { expression }));
    expect(res.errors?.map((e) => [e.message, e.extensions?.code, e.extensions?.field])).toEqual([
      [message, 'BAD_USER_INPUT', 'input.rule.config.expression'],
    ]);
  });

  it('fails a line whose quantity divides by zero with BAD_USER_INPUT at its quantity', async () => {
    await must(t, createPriceMutation, priceInput('per-pallet', 'formula', { expression: '100 / (q - 2)' }));
    const res = await preview([{ priceCode: 'per-pallet', quantity: '2' }]);
    expect(res.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([
      ['input.lines[0].quantity: formula 100 / (q - 2) at q = 2: position 5: division by zero', 'BAD_USER_INPUT'],
    ]);
  });
});

describe('hostile formulas over GraphQL', () => {
  const expression = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('constructor', 'q.constructor', '__proto__', 'this', 'q ** 99999', '1e999999 * q', '9'.repeat(40), '('.repeat(600)),
    fc.integer({ min: 1, max: 40 }).map((n) => '('.repeat(n) + 'q' + ')'.repeat(n)),
    fc
      .array(fc.constantFrom('q', '2', '0', '+', '-', '*', '/', '(', ')', ',', 'min', 'max', 'if', '>', 'round'), { maxLength: 30 })
      .map((parts) => parts.join('')),
  );
  let n = 0;

  it('are refused or priced, never an internal error: BAD_USER_INPUT names the field', async () => {
    await fc.assert(
      fc.asyncProperty(expression, fc.constantFrom('0', '1', '2', '1000000'), async (source, quantity) => {
        const code = `hostile-${n++}`;
        const created = await t.gql(createPriceMutation, priceInput(code, 'formula', { expression: source }));
        const priced = created.errors ? null : await preview([{ priceCode: code, quantity }]);
        for (const error of [...(created.errors ?? []), ...(priced?.errors ?? [])]) {
          expect(error.extensions).toMatchObject({
            code: 'BAD_USER_INPUT',
            field: expect.stringMatching(/^input\.(rule\.config\.expression|lines\[0\]\.quantity)$/),
          });
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

describe('a plugin that cannot be used', () => {
  const logger = createLogger('silent');
  const plugin = (name: string, rule: string): string => file(name, `'use strict';\nmodule.exports = ${rule};\n`);
  const ok = `parseConfig: (json) => json, price: () => ({ amount: '1', steps: [] })`;

  it.each([
    ['missing.js', null, /cannot load pricing plugin '.*missing\.js': .*Cannot find module/],
    ['throws.js', `(() => { throw new Error('no licence key'); })()`, /cannot load pricing plugin '.*throws\.js': no licence key$/],
    ['empty.js', '[]', /pricing plugin '.*empty\.js' refused: exports no rule \(an empty array\)$/],
    ['nothing.js', 'undefined', /refused: rule 1: a rule must be an object, not undefined$/],
    ['old.js', `{ kind: 'old', apiVersion: 0, ${ok} }`, /refused: rule 'old': written for pricing API 0\.x, but this Tariff provides 1\.0/],
    ['next.js', `{ kind: 'next', apiVersion: '2.1', ${ok} }`, /refused: rule 'next': written for pricing API 2\.x/],
    [
      'newer.js',
      `{ kind: 'newer', apiVersion: '1.7', ${ok} }`,
      /refused: rule 'newer': needs pricing API 1\.7, but this Tariff provides 1\.0/,
    ],
    ['unversioned.js', `{ kind: 'unversioned', ${ok} }`, /refused: rule 'unversioned': apiVersion is missing/],
    ['builtin.js', `{ kind: 'flat', apiVersion: 1, ${ok} }`, /refused: rule 'flat': kind 'flat' is built in; a plugin cannot replace it$/],
    [
      'taken.js',
      `{ kind: 'stairstep', apiVersion: 1, ${ok} }`,
      /refused: rule 'stairstep': kind 'stairstep' is already given by pricing plugin .*stairstep\.js$/,
    ],
    [
      'twice.js',
      `[{ kind: 'twice', apiVersion: 1, ${ok} }, { kind: 'twice', apiVersion: 1, ${ok} }]`,
      /rule 'twice': kind 'twice' is exported twice$/,
    ],
    ['badkind.js', `{ kind: 'Stair Step', apiVersion: 1, ${ok} }`, /refused: rule 'Stair Step': kind must be a name such as 'stairstep'/],
    ['noprice.js', `{ kind: 'noprice', apiVersion: 1, parseConfig: (json) => json }`, /refused: rule 'noprice': price must be function$/],
    [
      'badexample.js',
      `{ kind: 'badexample', apiVersion: 1, exampleConfig: {}, parseConfig: () => { throw new Error('needs steps'); }, price: () => ({ amount: '1', steps: [] }) }`,
      /refused: rule 'badexample': parseConfig refuses its own exampleConfig: needs steps$/,
    ],
    [
      'badresult.js',
      `{ kind: 'badresult', apiVersion: 1, exampleConfig: {}, parseConfig: (json) => json, price: () => ({ amount: 1, steps: [] }) }`,
      /refused: rule 'badresult': price of its exampleConfig at quantity 0: amount must be a Decimal or a decimal string/,
    ],
    [
      'badschema.js',
      `{ kind: 'badschema', apiVersion: 1, configSchema: { not: 'zod' }, ${ok} }`,
      /refused: rule 'badschema': configSchema must be a zod schema/,
    ],
  ])('%s is refused, named, with the reason', (name, source, message) => {
    const entry = source === null ? path.join(dir, name) : plugin(name, source);
    expect(() => loadPricingPlugins([entry], logger)).toThrow(message);
  });

  it('registers nothing of a plugin one of whose rules is refused', async () => {
    const half = plugin('half.js', `[{ kind: 'half_ok', apiVersion: 1, ${ok} }, { kind: 'half_bad', apiVersion: 9, ${ok} }]`);
    expect(() => loadPricingPlugins([half], logger)).toThrow(/rule 'half_bad'/);
    const { pricingRuleKinds } = await must(t, kindsQuery);
    expect(pricingRuleKinds.map((k) => k.kind)).not.toContain('half_ok');
  });

  it('loads a plugin by package name, resolved from the working directory', () => {
    const project = mkdtempSync(path.join(dir, 'project-'));
    const pkg = path.join(project, 'node_modules', 'tariff-plugin-pallets');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'tariff-plugin-pallets', main: 'pallets.js' }));
    writeFileSync(path.join(pkg, 'pallets.js'), `module.exports = { kind: 'pallets', apiVersion: 1, ${ok} };`);
    expect(loadPricingPlugins(['tariff-plugin-pallets'], logger, project)).toEqual([
      { plugin: 'tariff-plugin-pallets', file: path.join(pkg, 'pallets.js'), kinds: ['pallets'] },
    ]);
  });

  it('stops startApp, naming the plugin', async () => {
    const broken = plugin('broken-start.js', `{ kind: 'broken_start', apiVersion: 2, ${ok} }`);
    await expect(startTestApp({ env: { TARIFF_PRICING_PLUGINS: broken } })).rejects.toThrow(
      `TARIFF_PRICING_PLUGINS: pricing plugin '${broken}' refused: rule 'broken_start': written for pricing API 2.x`,
    );
  });

  // `npm start` and a CLI as operators run them: Node's own resolver (not jest's), so the
  // stair-step plugin before the broken one also shows `tariff/pricing` is provided to plugins.
  it.each([
    ['npm start', 'src/main.ts', ''],
    ['npm run billing', 'src/jobs/billing.cli.ts', 'billing: '],
  ])(
    'stops %s with exit code 1 and a message naming the plugin',
    async (_, entry, prefix) => {
      const broken = plugin('broken-process.js', `{ kind: 'broken_process', apiVersion: 2, ${ok} }`);
      // The embedded database, in a folder of its own, should the start ever get that far.
      const { DATABASE_URL: _url, ...env } = process.env;
      const child = spawn(process.execPath, ['-r', '@swc-node/register', entry], {
        cwd: ROOT,
        env: {
          ...env,
          PORT: '0',
          TARIFF_DATA_DIR: path.join(dir, 'data'),
          TARIFF_PRICING_PLUGINS: `${stairstep},${broken}`,
          LOG_LEVEL: 'silent',
        },
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += String(chunk)));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect({ code, stderr: stderr.trim() }).toEqual({
        code: 1,
        stderr: `${prefix}TARIFF_PRICING_PLUGINS: pricing plugin '${broken}' refused: rule 'broken_process': written for pricing API 2.x, but this Tariff provides 1.0: rebuild it for major version 1`,
      });
    },
    60_000,
  );
});
