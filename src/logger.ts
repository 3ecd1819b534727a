import pino, { Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  /** The `service` field of every line: 'tariff' for the server, 'tariff-billing' for `npm run billing`, … */
  service?: string;
  /** A CLI's stdout carries its JSON summary only, so its logs go to stderr. */
  stream?: 'stdout' | 'stderr';
}

/** The one way a logger is made, server or CLI: the same redaction everywhere. */
export function createLogger(level: string, options: LoggerOptions = {}): Logger {
  const { service = 'tariff', stream = 'stdout' } = options;
  const settings = {
    level,
    base: stream === 'stderr' ? { service, pid: process.pid } : { service },
    // API keys travel in this header; never let a request log carry it.
    redact: ['req.headers.authorization', 'headers.authorization', 'secret'],
  };
  return stream === 'stderr' ? pino(settings, pino.destination(2)) : pino(settings);
}
