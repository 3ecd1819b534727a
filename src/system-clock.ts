import type { Clock } from './domain/shared/clock';

/** The real time, for the running service. Domain code never reads it directly: it is handed a Clock. */
export const systemClock: Clock = { now: () => new Date() };
