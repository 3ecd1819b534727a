import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/** A GraphQL error as Tariff sends it: `extensions.code` is one of CONTRACT.md's codes, `field` names the bad input. */
export interface TariffGraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

export class TariffError extends Error {
  constructor(
    readonly status: number,
    readonly errors: TariffGraphQLError[],
  ) {
    super(
      errors
        .map((e) => `${e.extensions?.code ?? 'ERROR'}${e.extensions?.field ? ` at ${e.extensions.field}` : ''}: ${e.message}`)
        .join('; '),
    );
    this.name = 'TariffError';
  }

  /** The first error's code (BAD_USER_INPUT, NOT_FOUND, CONFLICT, FORBIDDEN, UNAUTHENTICATED…). */
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

export type Request = <TResult, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
) => Promise<TResult>;

/**
 * A typed GraphQL client in plain `fetch`: the document's type fixes both the variables it takes
 * and the data it returns. Any error is thrown (a mutation that fails writes nothing, so there is
 * no partial result worth keeping).
 */
export function tariffClient(options: { url: string; apiKey: string; fetch?: typeof fetch }): Request {
  const send = options.fetch ?? fetch;
  const endpoint = new URL('/graphql', options.url);
  const printed = new WeakMap<object, string>();
  return async function request<TResult, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
  ): Promise<TResult> {
    let query = printed.get(document);
    if (query === undefined) printed.set(document, (query = print(document)));
    const res = await send(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        authorization: `Bearer ${options.apiKey}`,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: unknown; errors?: TariffGraphQLError[] };
    if (body.errors?.length) throw new TariffError(res.status, body.errors);
    if (!res.ok || body.data == null) throw new TariffError(res.status, [{ message: `HTTP ${res.status} without data` }]);
    return body.data as TResult;
  };
}
