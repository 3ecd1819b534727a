import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import { APPLICATION_JSON, graphqlResponseMediaType } from './media-type';

/**
 * A request error Apollo answers with 400 that the GraphQL-over-HTTP spec answers with 200 for
 * application/json: a document that does not parse or validate, variables that do not coerce.
 * Errors that carry their own HTTP status (cost and depth limits, a NUL, a bad Idempotency-Key)
 * keep it: they are limits of this server, like 413 and 429.
 */
function isRequestError(error: GraphQLError): boolean {
  const code = error.extensions?.code;
  if (code === 'GRAPHQL_PARSE_FAILED' || code === 'GRAPHQL_VALIDATION_FAILED') return true;
  return code === 'BAD_USER_INPUT' && error.extensions?.http === undefined;
}

/**
 * GraphQL over HTTP, "application/json": a well-formed request gets 200 whatever its GraphQL
 * errors, so clients that predate application/graphql-response+json read `errors` from the body.
 * application/graphql-response+json keeps Apollo's 4xx.
 */
export function graphqlStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, errors }) {
          if (response.http.status !== 400 || !errors?.length || !errors.every(isRequestError)) return;
          if (response.body.kind !== 'single' || response.body.singleResult.data !== undefined) return;
          if (graphqlResponseMediaType(request.http?.headers.get('accept')) !== APPLICATION_JSON) return;
          response.http.status = 200;
          // Apollo picks the content type after this hook; name it so both agree.
          response.http.headers.set('content-type', `${APPLICATION_JSON}; charset=utf-8`);
        },
      };
    },
  };
}
