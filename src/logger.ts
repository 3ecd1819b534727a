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

export interface LoggerOptions {
  /** The `service` field of every line: 'tariff' for the server, 'tariff-billing' for `npm run billing`, … */
  service?: string;
  /** A CLI's stdout carries its JSON summary only, so its logs go to stderr. */
  stream?: 'stdout' | 'stderr';
}

/** Where a vendor HTTP client's error keeps the credentials of the request it made. */
const VENDOR_ERROR_SECRETS = ['config.headers.Authorization', 'config.headers.authorization', 'config.auth', 'config.data'];

/**
 * The one way a logger is made, server or CLI: the same redaction everywhere. A
 * `DestinationStream` is for tests that read the lines; the process writes to stdout, a CLI to stderr.
 */
export function createLogger(level: string, options: LoggerOptions | DestinationStream = {}): Logger {
  const { service = 'tariff', stream = 'stdout' }: LoggerOptions = isStream(options) ? {} : options;
  const destination = isStream(options) ? options : stream === 'stderr' ? pino.destination(2) : undefined;
  return pino(
    {
      level,
      base: stream === 'stderr' ? { service, pid: process.pid } : { service },
      // API keys travel in this header; never let a request log carry it. A vendor client's
      // error (axios-based ones: the SAP Cloud SDK) carries the request it made, credentials
      // included, in `config`: an unexpected one logged as `err` must not carry them either.
      redact: [
        'req.headers.authorization',
        'headers.authorization',
        'secret',
        ...VENDOR_ERROR_SECRETS.flatMap((path) => [`err.${path}`, `err.cause.${path}`, `err.response.${path}`]),
      ],
      // A new object each time: pino merges the line's own fields into what mixin returns.
      mixin: () => {
        const request = requestLogContext.getStore();
        return request ? { requestId: request.requestId } : {};
      },
    },
    destination,
  );
}

function isStream(value: LoggerOptions | DestinationStream): value is DestinationStream {
  return typeof (value as DestinationStream).write === 'function';
}
