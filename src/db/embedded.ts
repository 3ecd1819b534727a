import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync } from 'node:fs';

export interface EmbeddedDatabase {
  url: string;
  maxConnections: number;
  /** The data directory as a gzipped tar: what `initialData` takes back. */
  dump(): Promise<Blob>;
  stop(): Promise<void>;
}

/**
 * The embedded PostgreSQL (PGlite), served over the wire protocol on a loopback port so the
 * ordinary pg driver, the same migrations and the same SQL run against it as against a server.
 * PGlite is one backend: connections are multiplexed and run one at a time (STACK.md).
 */
export async function startEmbeddedDatabase(dataDir: string | null, maxConnections: number, initialData?: Blob): Promise<EmbeddedDatabase> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // A data directory to start from (a dump) skips initdb, which takes seconds (the tests' migrated template).
  const db = await PGlite.create({ dataDir: dataDir ?? undefined, loadDataDir: initialData });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    maxConnections,
    dump: () => db.dumpDataDir('gzip'),
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
