import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { ConnectedSystem } from '../../src/domain/connectors/connection.entity';
import type { Connector } from '../../src/domain/connectors/connector';
import { parseSecretsKey } from '../../src/domain/connectors/secrets';
import { ManualClock } from '../../src/domain/shared/clock';
import { runConnectorSyncPass, SyncResult } from '../../src/jobs/connector-sync.job';
import { createLogger } from '../../src/logger';
import type { TestApp } from './app';

/**
 * What every connector test shares: a secrets key, a log whose lines it keeps (the credential
 * search reads them), every GraphQL answer kept for the same search, and one sync pass of the
 * engine with this vendor's connector, its backoff at the longest wait (the clock is moved past it).
 * `app` is read when called: the test starts it in beforeAll with `keyHex` and `logStream`.
 */
export function connectorHarness(system: ConnectedSystem, connector: Connector, app: () => TestApp, start = new Date()) {
  const keyHex = randomBytes(32).toString('hex');
  const logLines: string[] = [];
  const answers: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger('debug', logStream);
  const clock = new ManualClock(start);

  /** Every GraphQL answer of a test goes through here, so the credential search sees them all. */
  async function gql(query: string, variables?: Record<string, unknown>): Promise<any> {
    const res = await app().gql(query, variables);
    answers.push(JSON.stringify(res));
    if (res.errors) throw new Error(`${query.trim().slice(0, 60)}…: ${JSON.stringify(res.errors)}`);
    return res.data;
  }

  function pass(connectionId: string): Promise<SyncResult> {
    return runConnectorSyncPass({
      fork: () => app().app.db.orm.em.fork(),
      clock,
      connectors: new Map([[system, connector]]),
      secretsKey: parseSecretsKey(keyHex),
      retryBaseMs: 1000,
      random: () => 0.999,
      logger,
      connectionId,
    });
  }

  return { keyHex, logLines, answers, logStream, logger, clock, gql, pass };
}
