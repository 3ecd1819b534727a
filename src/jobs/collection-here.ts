import pino from 'pino';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import type { Actor } from '../domain/auth/actor';
import { wireDomainProjectors } from '../domain/services';
import { defaultPaymentProviders } from '../domain/payments/providers';
import { systemClock } from '../system-clock';
import { CollectionRunResult, runCollection } from './collection-run.job';

function progressLine(p: CollectionRunResult & { invoicesDue: number }): string {
  return `collection: ${p.paymentsSucceeded} paid, ${p.paymentsFailed} failed, ${p.paymentsPending} unanswered, ${p.remindersSent} reminders, ${p.finalActions} final actions of ${p.invoicesDue} due\n`;
}

/** The collection pass as the CLIs run it: on this process's own connection, with the providers that ship, progress to stderr. */
export async function collectHere(at: Date, actor: Actor, service: string): Promise<CollectionRunResult> {
  const config = loadConfig();
  const logger = pino({ level: config.LOG_LEVEL, base: { service, pid: process.pid } }, pino.destination(2));
  wireDomainProjectors();
  const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.TARIFF_DATA_DIR, poolMax: config.TARIFF_DB_POOL_SIZE, migrate: true, logger });
  try {
    const fork = () => db.orm.em.fork();
    return await runCollection({
      fork,
      providers: defaultPaymentProviders(fork, systemClock),
      at,
      clock: systemClock,
      actor,
      logger,
      onProgress: (p) => process.stderr.write(progressLine(p)),
    });
  } finally {
    await db.close();
  }
}
