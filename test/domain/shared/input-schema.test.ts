import { z } from 'zod';
import { InvalidInputError } from '../../../src/domain/errors';
import { externalIdSchema } from '../../../src/domain/external-ids/external-id-input';
import {
  atMost,
  code,
  containsNul,
  currency,
  email,
  fieldPath,
  hasUnstorable,
  issuesOf,
  parseInput,
  percentage,
  storableDate,
  text,
  unique,
  wholeNumber,
} from '../../../src/domain/shared/input-schema';
import { Decimal } from '../../../src/pricing/decimal';

/** The error parseInput throws, or null when the value parses. */
function failure(schema: z.ZodType, value: unknown, prefix?: string): { field: string | undefined; message: string } | null {
  try {
    parseInput(schema, value, prefix);
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidInputError);
    const e = err as InvalidInputError;
    expect(e.code).toBe('BAD_USER_INPUT');
    return { field: e.field, message: e.message };
  }
}

const list = atMost(externalIdSchema, 2).check(
  unique<{ system: string; id: string }>(
    (x) => `${x.system}/${x.id}`,
    (x) => `${x.id} is listed twice`,
  ),
);
const input = z.object({ name: text(10), ids: list.optional(), terms: wholeNumber(0, 365).optional() });

describe('parseInput: zod issues become InvalidInputError at the field path', () => {
  it.each([
    ['an empty name', { name: '  ' }, 'input', 'input.name', /must not be empty/],
    ['a name over the maximum', { name: 'x'.repeat(11) }, 'input', 'input.name', /at most 10 characters/],
    ['a name with NUL', { name: 'a\u0000b' }, 'input', 'input.name', /NUL/],
    [
      'a NUL in a nested list item',
      {
        name: 'n',
        ids: [
          { system: 'SAP', id: '1' },
          { system: 'S\u0000', id: '2' },
        ],
      },
      'input',
      'input.ids[1].system',
      /NUL/,
    ],
    ['an empty id in a list item', { name: 'n', ids: [{ system: 'SAP', id: ' ' }] }, 'input', 'input.ids[0].id', /empty/],
    [
      'too many items',
      {
        name: 'n',
        ids: [
          { system: 'a', id: '1' },
          { system: 'a', id: '2' },
          { system: 'a', id: '3' },
        ],
      },
      'input',
      'input.ids',
      /at most 2 items/,
    ],
    [
      'an item listed twice',
      {
        name: 'n',
        ids: [
          { system: 'a', id: '1' },
          { system: 'a', id: ' 1 ' },
        ],
      },
      'input',
      'input.ids[1]',
      /listed twice/,
    ],
    ['a fractional whole number', { name: 'n', terms: 1.5 }, 'input', 'input.terms', /whole number from 0 to 365/],
    ['a whole number over the maximum', { name: 'n', terms: 366 }, 'input', 'input.terms', /whole number from 0 to 365/],
    ['no prefix: an argument', { name: '' }, '', 'name', /empty/],
    ['no prefix at all', { name: '' }, undefined, 'name', /empty/],
  ])('%s', (_label, value, prefix, field, message) => {
    const got = failure(input, value, prefix);
    expect(got?.field).toBe(field);
    expect(got?.message).toMatch(message);
  });

  it('returns the parsed, trimmed value when the input is good', () => {
    expect(parseInput(input, { name: ' Acme ', ids: [{ system: ' SAP ', id: '1' }] }, 'input')).toEqual({
      name: 'Acme',
      ids: [{ system: 'SAP', id: '1' }],
    });
  });

  it('names no field for a scalar parsed without a prefix', () => {
    expect(failure(text(), '')).toEqual({ field: undefined, message: 'must not be empty' });
    expect(failure(text(), '', 'input.name')).toEqual({ field: 'input.name', message: 'name must not be empty' });
    expect(failure(text(), '\u0000', 'input.lines[2]')).toEqual({
      field: 'input.lines[2]',
      message: 'lines[2] must not contain NUL characters',
    });
  });

  // Text goes into event payloads and the audit log (jsonb), which refuse half a surrogate pair.
  it('refuses half a surrogate pair in text, and keeps whole pairs', () => {
    expect(failure(text(), 'a\uD800', 'input.name')).toEqual({
      field: 'input.name',
      message: 'name must not contain unpaired surrogate characters',
    });
    expect(failure(text(), '\uDC00b', 'input.name')?.field).toBe('input.name');
    expect(parseInput(text(), 'a\u{1F600}b', 'input.name')).toBe('a\u{1F600}b');
  });
});

describe('shared refinements', () => {
  it.each([
    ['code', code, 'PRO-monthly_2.0', true],
    ['code', code, '-starts-with-dash', false],
    ['code', code, 'has space', false],
    ['code', code, 'x'.repeat(100), true],
    ['code', code, 'x'.repeat(101), false],
    ['email', email, 'a@b.example', true],
    ['email', email, ' a@b.example ', true],
    ['email', email, 'a@b', false],
    ['email', email, 'a b@c.example', false],
    ['email', email, `${'a'.repeat(250)}@b.example`, false],
    ['currency', currency, 'eur', true],
    ['currency', currency, 'XXY', false],
    ['storableDate', storableDate, new Date('2026-01-01T00:00:00Z'), true],
    ['storableDate', storableDate, new Date('+010000-01-01T00:00:00Z'), false],
  ] as [string, z.ZodType, unknown, boolean][])('%s of %p: %p', (_name, schema, value, ok) => {
    expect(schema.safeParse(value).success).toBe(ok);
  });

  it('normalizes a currency to upper case', () => {
    expect(parseInput(currency, 'eur')).toBe('EUR');
    expect(failure(currency, 'zzz', 'input.currency')).toEqual({
      field: 'input.currency',
      message: expect.stringMatching(/unknown currency 'zzz' \(ISO 4217\)/i),
    });
  });

  it.each([
    ['0', false],
    ['0.0001', true],
    ['19.5', true],
    ['100', true],
    ['100.0001', false],
    ['-5', false],
    ['7.12345', false],
  ])('a percentage: %s → %p', (value, ok) => {
    expect(percentage(4).safeParse(new Decimal(value)).success).toBe(ok);
  });

  it('refuses a float where a Decimal is due', () => {
    expect(failure(percentage(4), 19.5, 'input.taxRate')?.field).toBe('input.taxRate');
  });

  it('writes paths the way clients read them', () => {
    expect(fieldPath('input', ['items', 0, 'priceCode'])).toBe('input.items[0].priceCode');
    expect(fieldPath('', [2])).toBe('[2]');
    expect(fieldPath(undefined, [])).toBeUndefined();
  });

  it.each([
    ['plain', 'abc', false],
    ['NUL', 'a\u0000b', true],
    ['a surrogate pair (emoji)', 'a\u{1F600}b', false],
    ['a lone high surrogate', 'a\uD800b', true],
    ['a lone low surrogate', '\uDC00', true],
  ])('hasUnstorable: %s → %p', (_label, value, bad) => {
    expect(hasUnstorable(value)).toBe(bad);
  });

  it.each([
    [{ a: [1, 'x', { b: null }] }, false],
    [{ a: [1, 'x', { b: 'y\u0000' }] }, true],
    [{ 'k\u0000': 1 }, true],
    ['\u0000', true],
    [42, false],
  ])('containsNul(%j) → %p', (value, bad) => {
    expect(containsNul(value)).toBe(bad);
  });
});

describe('issuesOf: every issue of a batch, each at its path', () => {
  it('lists one issue per bad field, capped', () => {
    const schema = z.array(z.object({ id: text(5), n: wholeNumber(0, 9) }));
    const parsed = schema.safeParse([
      { id: 'ok', n: 1 },
      { id: '', n: 10 },
      { id: 'x'.repeat(6), n: 0 },
    ]);
    expect(parsed.success).toBe(false);
    const issues = issuesOf(parsed.error!, 'events');
    expect(issues.map((i) => i.field)).toEqual(['events[1].id', 'events[1].n', 'events[2].id']);
    expect(issues[0].message).toBe('id must not be empty');
    expect(issuesOf(parsed.error!, 'events', 2)).toHaveLength(2);
  });
});
