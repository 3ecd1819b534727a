import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { ruleFor, ruleKinds, rules } from '../../pricing-rules';
import { issuesOf } from '../pricing/fixtures';

describe('the rule registry', () => {
  it('knows the price kinds of PRICING.md', () => {
    expect([...ruleKinds].sort()).toEqual(['bundle', 'flat', 'graduated', 'package', 'per_unit', 'usage', 'volume']);
  });

  it.each(ruleKinds)('finds %s by its kind', (kind) => {
    expect(ruleFor(kind).kind).toBe(kind);
  });

  it('reports an unknown kind at rule.kind, listing the known ones', () => {
    expect(issuesOf(() => ruleFor('stairstep'))).toEqual([
      {
        path: 'rule.kind',
        message: "unknown pricing rule kind 'stairstep'; known: flat, per_unit, graduated, volume, package, usage, bundle",
      },
    ]);
  });

  it('has one small module per kind, alike', () => {
    const dir = join(__dirname, '../../pricing-rules');
    const modules = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'contract.ts');
    expect(modules).toHaveLength(rules.length);
    for (const file of modules) {
      const lines = readFileSync(join(dir, file), 'utf8').split('\n').length;
      expect([file, lines <= 80]).toEqual([file, true]);
    }
  });
});
