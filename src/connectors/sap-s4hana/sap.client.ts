import { encodeAllParameters, executeHttpRequest } from '@sap-cloud-sdk/http-client';
import type { ConnectorTarget, ItemOutcome } from '../../domain/connectors/connector';

/** Where S/4HANA publishes its OData v2 APIs (a communication arrangement's service URLs). */
export const ODATA_ROOT = '/sap/opu/odata/sap';

/** A call's ceiling: past it the record waits for its next attempt (the engine's lease is 2 minutes). */
const TIMEOUT_MS = 30_000;

/** A failed call as the connector reports it: SAP's own message (its OData error JSON), never the request. */
export class SapError extends Error {
  constructor(
    message: string,
    readonly statusCode: number | null,
    readonly retryAfterMs: number | undefined,
    /** A 403 with `x-csrf-token: Required`: the token fetch failed or the token expired, not the record's fault. */
    readonly csrfRequired = false,
  ) {
    super(message);
  }
}

/** The communication user's name and password: what `validate` checked. */
function destinationOf(target: ConnectorTarget) {
  return {
    url: target.baseUrl,
    authentication: 'BasicAuthentication' as const,
    username: String(target.credentials.username),
    password: String(target.credentials.password),
  };
}

/**
 * One OData v2 call with the SAP Cloud SDK's http-client: basic authentication from the
 * connection's credentials, and for a write the CSRF token SAP Gateway requires (the SDK's
 * default: a HEAD with `x-csrf-token: Fetch` first, its token and session cookie on the write).
 * Returns the body's `d`; throws a SapError with SAP's message, scrubbed of the credentials.
 */
export async function sapRequest<T>(
  target: ConnectorTarget,
  request: { service: string; method: 'get' | 'post' | 'patch'; path: string; params?: Record<string, string>; data?: unknown },
): Promise<T> {
  try {
    const response = await executeHttpRequest(
      destinationOf(target),
      {
        method: request.method,
        url: `${ODATA_ROOT}/${request.service}/${request.path}`,
        params: { ...(request.method === 'get' ? { $format: 'json' } : {}), ...request.params },
        data: request.data,
        headers: { accept: 'application/json', ...(request.data ? { 'content-type': 'application/json' } : {}) },
        // $filter's spaces and quotes encoded (the SDK leaves parameters as given by default).
        parameterEncoder: encodeAllParameters,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      },
      { fetchCsrfToken: request.method !== 'get' },
    );
    return (response.data as { d?: T } | undefined)?.d as T;
  } catch (err) {
    throw sapErrorOf(err, secretsOf(target));
  }
}

export function secretsOf(target: ConnectorTarget): string[] {
  return Object.values(target.credentials).filter((v): v is string => typeof v === 'string' && v.length >= 4);
}

/** The status, SAP's `error.message.value` and Retry-After of an axios error from the SDK; its config (with the Authorization header) is never read. */
export function sapErrorOf(err: unknown, secrets: readonly string[]): SapError {
  const e = err as { response?: { status?: number; data?: unknown; headers?: Record<string, unknown> }; code?: string; message?: string };
  const status = typeof e.response?.status === 'number' ? e.response.status : null;
  const data = e.response?.data as { error?: { code?: string; message?: { value?: string } | string } } | undefined;
  const sapMessage = typeof data?.error?.message === 'string' ? data.error.message : data?.error?.message?.value;
  let message =
    sapMessage !== undefined
      ? `${sapMessage}${data?.error?.code ? ` (${data.error.code})` : ''}`
      : status !== null
        ? `SAP answered ${status}`
        : `SAP unreachable: ${e.code ?? e.message ?? 'no answer'}`;
  for (const secret of secrets) message = message.split(secret).join('[redacted]');
  const retryAfter = Number(e.response?.headers?.['retry-after']);
  const csrfRequired = status === 403 && String(e.response?.headers?.['x-csrf-token'] ?? '').toLowerCase() === 'required';
  return new SapError(message, status, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined, csrfRequired);
}

/** How the engine takes a failure: 4xx other than 408, 429 and a CSRF refusal is the record's fault; the rest is SAP's. */
export function outcomeOf(err: unknown, secrets: readonly string[]): Extract<ItemOutcome, { ok: false }> {
  const e = err instanceof SapError ? err : sapErrorOf(err, secrets);
  const code = e.statusCode;
  const rejected = code !== null && code >= 400 && code < 500 && code !== 408 && code !== 429 && !e.csrfRequired;
  return {
    ok: false,
    kind: rejected ? 'rejected' : 'unavailable',
    message: e.message.slice(0, 2000),
    statusCode: code,
    retryAfterMs: e.retryAfterMs,
    throttled: code === 429,
  };
}

/** An OData v2 string literal in a $filter or key: quotes doubled. */
export const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Edm.DateTime in OData v2 JSON. */
export const edmDateTime = (d: Date) => `/Date(${d.getTime()})/`;

/** An Edm.DateTime of SAP's JSON (`/Date(ms)/`) as a Date; null when absent. */
export function parseEdmDateTime(value: unknown): Date | null {
  const m = typeof value === 'string' ? /^\/Date\((-?\d+)/.exec(value) : null;
  return m ? new Date(Number(m[1])) : null;
}

/** An Edm.Time of SAP's JSON (`PT14H30M00S`) in milliseconds after midnight. */
export function parseEdmTime(value: unknown): number {
  const m = typeof value === 'string' ? /^PT(\d+)H(\d+)M(\d+)S$/.exec(value) : null;
  return m ? ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 : 0;
}
