import type { Clock } from '../domain/shared/clock';
import type { Logger } from '../logger';
import type { Database } from './database';

/** Demo catalog and customers for a first look; idempotent. Filled in with the catalog. */
export async function seedDemoData(_db: Database, _clock: Clock, _logger: Logger): Promise<void> {}
