import { readFileSync, readdirSync, statSync } from 'fs';
import { join } from 'path';
import { ruleFor, ruleKinds, rules } from '../../pricing-rules';
import { issuesOf } from '../pricing/fixtures';

describe('the rule registry', () => {
  it('knows the price kinds of PRICING.md', () => {
    expect([...ruleKinds].sort()).toEqual(['bundle', 'flat', 'formula', 'graduated', 'package', 'per_unit', 'usage', 'volume']);
  });

  it.each(ruleKinds)('finds %s by its kind', (kind) => {
    expect(ruleFor(kind).kind).toBe(kind);
  });

  it('reports an unknown kind at rule.kind, listing the known ones', () => {
    expect(issuesOf(() => ruleFor('stairstep'))).toEqual([
      {
        path: 'rule.kind',
        message: "unknown pricing rule kind 'stairstep'; known: flat, per_unit, graduated, volume, package, usage, bundle, formula",
      },
    ]);
  });

  // A kind whose code needs more room splits it into a folder of its own (formula/: tokens,
  // parser, evaluator), each file as small as a rule module.
  it('has one small module per kind, alike, and small files in its folder if it has one', () => {
    const dir = join(__dirname, '../../pricing-rules');
    const modules = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'contract.ts');
    expect(modules).toHaveLength(rules.length);
    const folders = readdirSync(dir).filter((f) => statSync(join(dir, f)).isDirectory());
    const files = [...modules, ...folders.flatMap((folder) => readdirSync(join(dir, folder)).map((f) => join(folder, f)))];
    expect(files.length).toBeGreaterThan(modules.length);
    for (const file of files) {
      const lines = readFileSync(join(dir, file), 'utf8').split('\n').length;
      expect([file, lines <= 80]).toEqual([file, true]);
    }
  });
});
