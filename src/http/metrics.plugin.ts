import type { ApolloServerPlugin } from '@apollo/server';
import { recordError, recordRequest } from '../metrics/metrics';

function codeOf(error: { extensions?: Record<string, unknown> }): string {
  const code = error.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

/**
 * Operation names are the client's to choose: past this many distinct names, further ones are
 * counted as "other", so a client cannot grow the label set (and the scrape) without bound.
 */
const MAX_OPERATION_NAMES = 200;
const operationNames = new Set<string>();

function operationLabel(name: string | null | undefined, resolved: boolean): string {
  if (!resolved) return 'invalid';
  if (!name) return 'anonymous';
  if (operationNames.has(name)) return name;
  if (operationNames.size >= MAX_OPERATION_NAMES) return 'other';
  operationNames.add(name);
  return name;
}

/** Requests, latency and error codes of every GraphQL request, rejected ones included. */
export function metricsPlugin(): ApolloServerPlugin {
  return {
    async contextCreationDidFail({ error }) {
      recordError(codeOf(error as { extensions?: Record<string, unknown> }));
    },
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operation, operationName, response }) {
          const label = operationLabel(operationName, operation !== undefined);
          const body = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
          const failed = body.errors ?? [];
          for (const e of failed) recordError(codeOf(e));
          recordRequest({
            operation: label,
            type: operation?.operation ?? 'unknown',
            failed: failed.length > 0,
            durationSeconds: Number(process.hrtime.bigint() - started) / 1e9,
          });
        },
      };
    },
  };
}
