import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError } from '../domain/errors';
import { PricingInputError } from '../pricing/errors';
import type { Logger } from '../logger';

/** Codes a client may see besides our own; anything else from a thrown error is a bug. */
const passThrough = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'NOT_FOUND',
  'CONFLICT',
  'IDEMPOTENCY_KEY_REUSED',
]);

/**
 * graphql-js reports a variable that does not coerce as `Variable "$input" got invalid value …
 * at "input.startsAt"; …`: the field a client needs, which it does not put in the extensions.
 */
function variablePath(message: string): string | undefined {
  const match =
    /^Variable "\$([A-Za-z_][A-Za-z0-9_]*)" got invalid value .*? at "([^"]+)"/s.exec(message) ??
    /^Variable "\$([A-Za-z_][A-Za-z0-9_]*)" got invalid value/.exec(message);
  return match ? (match[2] ?? match[1]) : undefined;
}

/** A domain error as the GraphQL error clients see (CONTRACT.md: Errors). */
export function toGraphQLError(err: DomainError | PricingInputError): GraphQLError {
  if (err instanceof PricingInputError) {
    const first = err.issues[0];
    return new GraphQLError(err.message, {
      extensions: { code: 'BAD_USER_INPUT', field: first?.path, issues: err.issues },
    });
  }
  return new GraphQLError(err.message, {
    extensions: { code: err.code, ...(err.field ? { field: err.field } : {}), ...(err.details ?? {}) },
  });
}

/**
 * The one place errors leave the server: domain errors become their codes, known GraphQL
 * errors pass, and everything else is logged with its stack and masked.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError || original instanceof PricingInputError) {
      const mapped = toGraphQLError(original);
      return { message: mapped.message, locations: formatted.locations, path: formatted.path, extensions: mapped.extensions };
    }
    // graphql-js gives up after 50 bad variables with an error that carries no code.
    if (formatted.message.startsWith('Too many errors processing variables')) {
      return { message: formatted.message, extensions: { code: 'BAD_USER_INPUT' } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && passThrough.has(code)) {
      const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
      const field = extensions.field ?? (code === 'BAD_USER_INPUT' ? variablePath(formatted.message) : undefined);
      return { ...formatted, extensions: field ? { ...extensions, field } : extensions };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
