import { boundRows } from '../../src/db/bound-query';
import type { TestApp } from './app';
import { must } from './catalog';

/**
 * Every event of these types (`coupon.*` patterns allowed) read through the API, once all that are
 * stored are readable. The read horizon is the oldest transaction on the whole server, so on a
 * shared PostgreSQL another test file's open transaction can hold back what just committed.
 */
export async function readableEvents(t: TestApp, types: string[], fields = 'type customerId data'): Promise<any[]> {
  const patterns = types.map((p) => p.replace('*', '%'));
  const [{ n }] = await boundRows<{ n: string }>(t.app.db.orm.em.fork(), 'select count(*) as n from domain_event where type like any(?::text[])', [patterns]);
  const deadline = Date.now() + 15_000;
  for (;;) {
    const read: any[] = [];
    for (let after: string | null = null; ; ) {
      const data: any = await must(t, `query($after: String, $types: [String!]) { events(first: 100, after: $after, types: $types) { edges { node { ${fields} } } pageInfo { hasNextPage endCursor } } }`, { after, types });
      read.push(...data.events.edges.map((e: any) => e.node));
      if (!data.events.pageInfo.hasNextPage) break;
      after = data.events.pageInfo.endCursor;
    }
    if (read.length >= Number(n) || Date.now() > deadline) return read;
    await new Promise((r) => setTimeout(r, 50));
  }
}
