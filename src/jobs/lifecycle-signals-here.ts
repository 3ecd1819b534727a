import pino from 'pino';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import type { Actor } from '../domain/auth/actor';
import { wireDomainProjectors } from '../domain/services';
import { systemClock } from '../system-clock';
import { LifecycleSignalsResult, runLifecycleSignals } from './lifecycle-signals.job';

/** The lifecycle signals pass as `npm run billing` runs it after collection: on this process's own connection, logs to stderr. */
export async function signalHere(at: Date, actor: Actor, service: string): Promise<LifecycleSignalsResult> {
  const config = loadConfig();
  const logger = pino({ level: config.LOG_LEVEL, base: { service, pid: process.pid } }, pino.destination(2));
  wireDomainProjectors();
  const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.TARIFF_DATA_DIR, poolMax: config.TARIFF_DB_POOL_SIZE, migrate: true, logger });
  try {
    return await runLifecycleSignals({ fork: () => db.orm.em.fork(), at, clock: systemClock, actor, logger });
  } finally {
    await db.close();
  }
}
