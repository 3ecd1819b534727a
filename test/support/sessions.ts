import type { TestApp } from './app';

/**
 * The server sessions still open of the processes started with PGAPPNAME=`name` (pg reads it):
 * once none is left, nothing they sent can still commit. On the embedded database this is always
 * 0: its one backend ("standalone", serving every connection in turn from this process) has
 * already run whatever a killed process sent before this query is read.
 */
export async function openSessions(t: TestApp, name: string): Promise<number> {
  const [row] = await t.app.db.orm.em
    .fork()
    .getConnection()
    .execute<{ n: string }[]>(
      "select count(*)::text as n from pg_stat_activity where application_name = ? and datname = current_database() and backend_type = 'client backend'",
      [name],
    );
  return Number(row.n);
}
