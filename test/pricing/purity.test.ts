import { readFileSync, readdirSync, statSync } from 'fs';
import { join, relative } from 'path';

// STYLE.md and PRICING.md rules that types cannot enforce, checked on the sources themselves.
const root = join(__dirname, '../..');
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}
const files = [...sources(join(root, 'src/pricing')), ...sources(join(root, 'pricing-rules'))].map((path) => ({
  name: relative(root, path),
  text: readFileSync(path, 'utf8'),
}));
const code = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');

describe('the pricing engine stays pure', () => {
  it('has sources to check', () => {
    expect(files.length).toBeGreaterThan(15);
  });

  it.each(files.map((f) => [f.name, f.text]))('%s imports only decimal.js, zod and its own modules', (_, text) => {
    const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    for (const spec of imports) expect([spec, spec.startsWith('.') || spec === 'zod' || spec === 'decimal.js']).toEqual([spec, true]);
  });

  it.each(files.map((f) => [f.name, f.text]))('%s reads no clock and does no I/O', (_, text) => {
    expect(code(text)).not.toMatch(/new Date\(\)|Date\.now\(|process\.|require\(|console\./);
  });

  it.each(files.map((f) => [f.name, f.text]))('%s uses no `any` and stays under 250 lines', (_, text) => {
    expect(code(text)).not.toMatch(/:\s*any\b|as any\b|<any>/);
    expect(text.split('\n').length).toBeLessThanOrEqual(250);
  });

  it('configures decimal.js in one module only', () => {
    const users = files.filter((f) => /from 'decimal.js'/.test(f.text) || /Decimal\.(set|config|clone)\(/.test(code(f.text)));
    expect(users.map((f) => f.name)).toEqual(['src/pricing/decimal.ts']);
  });

  it('never names a price kind in the engine core', () => {
    const kinds = /['"`](flat|per_unit|graduated|volume|package|usage|bundle)['"`]/;
    const core = files.filter((f) => f.name.startsWith('src/pricing/'));
    expect(core.filter((f) => kinds.test(code(f.text))).map((f) => f.name)).toEqual([]);
  });
});
