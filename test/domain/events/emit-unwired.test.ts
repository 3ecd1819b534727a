import { openDatabase, Database } from '../../../src/db/database';
import { emitEvent, emitEvents } from '../../../src/domain/events/emit-event';
import { webhookEndpointDisabledEvent } from '../../../src/domain/events/system-events';
import { createTestDatabase } from '../../support/database';

// An entry point that opens the database but forgets wireDomainProjectors: what a new CLI could do.
let db: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  const target = await createTestDatabase();
  drop = target.drop;
  db = await openDatabase({ url: target.url, dataDir: null, poolMax: 2, migrate: true });
});
afterAll(async () => {
  await db.close();
  await drop();
});

const id = '00000000-0000-4000-8000-000000000001';
const at = new Date('2026-03-01T00:00:00Z');
const event = webhookEndpointDisabledEvent(
  {
    id,
    url: 'https://example.test/hook',
    eventTypes: ['*'],
    status: 'DISABLED',
    reason: 'MANUAL',
    disabledAt: at.toISOString(),
    failingSince: null,
  },
  at,
);

describe('emitting before any projector is wired', () => {
  it.each([
    ['emitEvent', (em: Parameters<typeof emitEvent>[0]) => emitEvent(em, event)],
    [
      'emitEvents',
      (em: Parameters<typeof emitEvent>[0]) =>
        emitEvents(em, [event, { ...event, payload: { ...event.payload, reason: 'FAILING' as const } }]),
    ],
  ])('%s fails and writes nothing: the revenue ledger would silently miss the events', async (_name, emit) => {
    await expect(db.orm.em.fork().transactional((em) => emit(em))).rejects.toThrow(/before any projector was wired/);
    const [{ n }] = await db.orm.em.fork().getConnection().execute<{ n: string }[]>('select count(*)::text as n from domain_event');
    expect(n).toBe('0');
  });
});
