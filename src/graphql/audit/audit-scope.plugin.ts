import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { currentAuditScope, runInAuditScope } from '../../domain/audit/audit-context';
import type { Clock } from '../../domain/shared/clock';

/**
 * Opens the request's audit scope (domain/audit/audit-context.ts). Mounted after the body parser
 * and resumeRequestLogContext, so that everything Apollo runs for the request is inside it.
 */
export function auditScope(clock: Clock): RequestHandler {
  return (_req, _res, next) => runInAuditScope({ now: () => clock.now() }, next);
}

/**
 * Names the operation of what a mutation writes: the root field being resolved. Root mutation
 * fields run one after another, so each write is named by its own field; queries set nothing.
 */
export function auditOperationPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ operation }) {
          if (operation.operation !== 'mutation') return;
          return {
            willResolveField({ info }) {
              const scope = currentAuditScope();
              if (scope && info.path.prev === undefined) scope.operation = info.fieldName;
            },
          };
        },
      };
    },
  };
}
