import type { Client, FieldDef } from 'pg';

/** PostgreSQL's array types among the columns benchmarks copy (text[], varchar[], int4[], uuid[]). */
const ARRAY_TYPES = new Set([1009, 1015, 1007, 2951]);

/** The columns of a `select *` result that hold PostgreSQL arrays: sent as arrays, not as JSON. */
export function arrayColumns(fields: readonly FieldDef[]): Set<string> {
  return new Set(fields.filter((f) => ARRAY_TYPES.has(f.dataTypeID)).map((f) => f.name));
}

/**
 * The benchmarks' baseline write: rows as `select *` returned them, inserted again with one
 * multi-row INSERT and bind parameters through the same pg driver. Objects and lists (jsonb) go
 * as JSON text, except the `arrays` columns (PostgreSQL arrays); dates and scalars as pg binds them.
 */
export async function insertRows(
  sql: Client,
  table: string,
  rows: Record<string, unknown>[],
  arrays: ReadonlySet<string> = new Set(),
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const values: unknown[] = [];
  const tuples = rows.map(
    (row) =>
      `(${columns
        .map((c) => {
          const v = row[c];
          values.push(v !== null && typeof v === 'object' && !(v instanceof Date) && !arrays.has(c) ? JSON.stringify(v) : v);
          return `$${values.length}`;
        })
        .join(', ')})`,
  );
  await sql.query(`insert into ${table} (${columns.map((c) => `"${c}"`).join(', ')}) values ${tuples.join(', ')}`, values);
}

/**
 * The baseline timed: documents and their lines (as `select *` returned them) inserted again
 * into copies of their tables, a page of documents with their lines per transaction, as the
 * measured run writes them. Rows per second counts documents and lines.
 */
export async function timeDocumentInsert(
  sql: Client,
  tables: { documents: string; lines: string; lineKey: string },
  documents: Record<string, unknown>[],
  lines: Record<string, unknown>[],
  batch: number,
): Promise<{ seconds: number; rowsPerSecond: number }> {
  const linesOf = new Map<unknown, Record<string, unknown>[]>();
  for (const l of lines) {
    const of = linesOf.get(l[tables.lineKey]);
    if (of) of.push(l);
    else linesOf.set(l[tables.lineKey], [l]);
  }
  await sql.query('checkpoint').catch(() => undefined);
  const started = performance.now();
  for (let i = 0; i < documents.length; i += batch) {
    const page = documents.slice(i, i + batch);
    await sql.query('begin');
    await insertRows(sql, tables.documents, page);
    await insertRows(
      sql,
      tables.lines,
      page.flatMap((d) => linesOf.get(d.id) ?? []),
    );
    await sql.query('commit');
  }
  const seconds = (performance.now() - started) / 1000;
  return { seconds, rowsPerSecond: (documents.length + lines.length) / seconds };
}
