import pino, { Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'tariff' },
    // API keys travel in this header; never let a request log carry it.
    redact: ['req.headers.authorization', 'headers.authorization', 'secret'],
  });
}
