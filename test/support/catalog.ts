import type { TestApp } from './app';

/** Fails the test with the server's errors instead of a TypeError later. */
export async function must<T = any>(t: TestApp, query: string, variables?: Record<string, unknown>, key?: string): Promise<T> {
  const res = await t.gql(query, variables, key);
  if (res.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(res.errors)}`);
  return res.data as T;
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
    input: { code, productCode: options.productCode ?? 'plan', currency: options.currency ?? 'EUR', interval: options.interval ?? 'MONTH', intervalCount: options.intervalCount ?? 1, rule },
  });
}

export async function createCustomer(t: TestApp, fields = 'currency: "EUR", taxStatus: EXEMPT'): Promise<string> {
  const data = await must(t, `mutation { createCustomer(input: { name: "Customer", email: "c@example.com", ${fields} }) { id } }`);
  return data.createCustomer.id;
}
