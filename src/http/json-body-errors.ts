import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../logger';
import { graphqlResponseMediaType } from './media-type';

interface BodyParserError {
  status: number;
  type: string;
  limit?: number;
}

function isBodyParserError(err: unknown): err is BodyParserError {
  return (
    typeof err === 'object' &&
    err !== null &&
    typeof (err as BodyParserError).status === 'number' &&
    typeof (err as BodyParserError).type === 'string'
  );
}

function messageFor(err: BodyParserError): string {
  switch (err.type) {
    case 'entity.parse.failed':
      return 'the request body is not valid JSON';
    case 'entity.too.large':
      return `the request body is larger than ${err.limit} bytes`;
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return 'the request body must be UTF-8 JSON without a content encoding';
    default:
      return 'the request body could not be read';
  }
}

/**
 * A body that cannot be read as JSON answered as GraphQL does: a JSON `errors` list with
 * BAD_REQUEST and the parser's status (400, 413, 415), never Express's HTML page; logged as one
 * line without a stack (the client's mistake, not the server's).
 */
export function jsonBodyErrors(logger: Logger, onError?: (code: string) => void): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (!isBodyParserError(err) || err.status < 400 || err.status >= 500 || res.headersSent) {
      next(err);
      return;
    }
    logger.info({ status: err.status, type: err.type, path: req.originalUrl.split('?')[0] }, 'unreadable request body');
    onError?.('BAD_REQUEST');
    const mediaType = graphqlResponseMediaType(req.get('accept')) ?? 'application/json';
    res
      .status(err.status)
      .type(`${mediaType}; charset=utf-8`)
      .send(JSON.stringify({ errors: [{ message: messageFor(err), extensions: { code: 'BAD_REQUEST' } }] }));
  };
}
