import type { Document, TestApp } from './app';

/**
 * Fails the test with the server's errors instead of a TypeError later. A typed document
 * (`graphql(...)`) types the result and the variables; a plain string's result is `any` until
 * its test is converted (docs/tests.md).
 */
export async function must<TResult = any, TVariables = Record<string, unknown>>(
  t: TestApp,
  query: Document<TResult, TVariables>,
  variables?: TVariables,
  key?: string,
): Promise<TResult> {
  const res = await t.gql(query, variables, key);
  if (res.errors) throw new Error(`${String(query).trim().slice(0, 60)}…: ${JSON.stringify(res.errors)}`);
  return res.data as TResult;
}

export async function createProduct(t: TestApp, code: string): Promise<void> {
  await must(t, 'mutation($code: String!) { createProduct(input: { code: $code, name: $code }) { id } }', { code });
}

export async function createPrice(
  t: TestApp,
  code: string,
  rule: { kind: string; config: unknown },
  options: { productCode?: string; currency?: string; interval?: string; intervalCount?: number } = {},
): Promise<void> {
  await must(t, 'mutation($input: CreatePriceInput!) { createPrice(input: $input) { id } }', {
    input: {
      code,
      productCode: options.productCode ?? 'plan',
      currency: options.currency ?? 'EUR',
      interval: options.interval ?? 'MONTH',
      intervalCount: options.intervalCount ?? 1,
      rule,
    },
  });
}

export async function createCustomer(t: TestApp, fields = 'currency: "EUR", taxStatus: EXEMPT'): Promise<string> {
  const data = await must(t, `mutation { createCustomer(input: { name: "Customer", email: "c@example.com", ${fields} }) { id } }`);
  return data.createCustomer.id;
}

/** The value a test needs to go on, or a failure that names what was missing (instead of a TypeError later). */
export function found<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}, got ${value}`);
  return value;
}
