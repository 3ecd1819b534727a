import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from '../logger';
import { requestLogContext, RequestLogFields } from '../logger';

/** An incoming X-Request-Id is kept when it is this: short, printable, nothing a log or header could misread. */
const SANE_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

export function requestIdOf(res: Response): string | undefined {
  return (res.locals.requestLog as RequestLogFields | undefined)?.requestId;
}

/**
 * Names each request: the caller's X-Request-Id when it is sane (a gateway's trace id), else a
 * new UUID; echoed in the response header, and carried by every log line written while serving
 * it, the last of which says how it ended (method, path without its query, status, duration).
 */
export function requestIds(logger: Logger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const incoming = req.get('x-request-id');
    const fields: RequestLogFields = { requestId: incoming && SANE_ID.test(incoming) ? incoming : randomUUID() };
    res.locals.requestLog = fields;
    res.setHeader('x-request-id', fields.requestId);
    // 'close', not 'finish': a client that hangs up early gets its line too, marked aborted.
    res.once('close', () => {
      const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
      const line = {
        method: req.method,
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        durationMs,
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      // A GET /graphql query string holds variables: only the path is logged.
      requestLogContext.run(fields, () => logger.info(line, 'request'));
    });
    requestLogContext.run(fields, next);
  };
}

/**
 * Enters the request's log context again. A body parser finishes in the socket's stream events,
 * outside the context the request entered, so the handlers after it are put back in.
 */
export function resumeRequestLogContext(): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => {
    const fields = res.locals.requestLog as RequestLogFields | undefined;
    if (fields) requestLogContext.run(fields, next);
    else next();
  };
}
