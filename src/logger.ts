import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { DestinationStream, Logger } from 'pino';

export type { Logger };

/** What every log line written while serving one request carries (src/http/request-id.ts). */
export interface RequestLogFields {
  requestId: string;
}

/**
 * The request being served, wherever its work has got to: the error formatter and Apollo's
 * plugins hold the process logger and never see the request, yet their lines must name it.
 */
export const requestLogContext = new AsyncLocalStorage<RequestLogFields>();

/** `destination` is for tests that read the lines; the process writes to stdout. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'tariff' },
      // API keys travel in this header; never let a request log carry it.
      redact: ['req.headers.authorization', 'headers.authorization', 'secret'],
      // A new object each time: pino merges the line's own fields into what mixin returns.
      mixin: () => {
        const request = requestLogContext.getStore();
        return request ? { requestId: request.requestId } : {};
      },
    },
    destination,
  );
}
