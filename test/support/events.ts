import { boundRows } from '../../src/db/bound-query';
import type { TestApp } from './app';
import { must } from './catalog';
import { eventually } from './eventually';

/** Every event the key may read (of these types, `coupon.*` patterns allowed), all pages, through the API. */
export async function readEvents(t: TestApp, options: { types?: string[]; fields?: string; key?: string } = {}): Promise<any[]> {
  const { types = null, fields = 'type customerId data', key } = options;
  const read: any[] = [];
  for (let after: string | null = null; ;) {
    const data: any = await must(
      t,
      `query($after: String, $types: [String!]) { events(first: 100, after: $after, types: $types) { edges { node { ${fields} } } pageInfo { hasNextPage endCursor } } }`,
      { after, types },
      key,
    );
    read.push(...data.events.edges.map((e: any) => e.node));
    if (!data.events.pageInfo.hasNextPage) return read;
    after = data.events.pageInfo.endCursor;
  }
}

/**
 * Every event of these types read through the API, once all that are stored are readable. The
 * read horizon is the oldest transaction on the whole server, so on a shared PostgreSQL another
 * test file's open transaction can hold back what just committed.
 */
export async function readableEvents(t: TestApp, types: string[], fields = 'type customerId data'): Promise<any[]> {
  const patterns = types.map((p) => p.replace('*', '%'));
  const [{ n }] = await boundRows<{ n: string }>(
    t.app.db.orm.em.fork(),
    'select count(*) as n from domain_event where type like any(?::text[])',
    [patterns],
  );
  return eventually(() => readEvents(t, { types, fields }), {
    until: (read) => read.length >= Number(n),
    what: `${n} stored ${types.join(', ')} events readable`,
  });
}
