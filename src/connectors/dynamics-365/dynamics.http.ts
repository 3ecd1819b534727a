import type { ConnectorTarget, ItemOutcome } from '../../domain/connectors/connector';
import { settingsOf } from './dynamics.settings';

/**
 * Business Central's API v2.0 over plain `fetch` (Node's undici): OData v4 JSON, OAuth2 client
 * credentials from Microsoft Entra ID. No OData client package: the ones on npm for v4 are
 * unmaintained or browser-first, and the connector needs a dozen requests of one shape.
 */

/** How long one call may take before it counts as a time-out (the record stays PENDING, and the next attempt looks it up first). */
const TIMEOUT_MS = 30_000;

/** A failed call: BC's (or Entra ID's) own message, its status and Retry-After, never the request. */
export class DynamicsError extends Error {
  constructor(
    message: string,
    /** As the engine's log reads it (`statusCode`): never the request. */
    readonly statusCode: number | null,
    readonly retryAfterMs?: number,
    /** Entra ID refused the credentials: every record of the connection would get the same answer. */
    readonly auth = false,
  ) {
    super(message);
  }
}

/**
 * Until when BC asked a connection to wait (its last Retry-After), in this process's time. The
 * engine holds records back by its own backoff; the inbound reads of each pass look here instead.
 */
const pausedUntil = new Map<string, number>();

/** Throws, without a request, while BC's last Retry-After for the connection runs. */
export function assertNotPaused(target: ConnectorTarget): void {
  const until = pausedUntil.get(target.connectionId);
  const left = until === undefined ? 0 : until - Date.now();
  if (left > 0) throw new DynamicsError(`waiting for Business Central's Retry-After (${Math.ceil(left / 1000)} s left)`, 429, left);
}

/** Access tokens per connection and client id, kept in memory only until a minute before they expire. */
const tokens = new Map<string, { token: string; expiresAt: number }>();

function credentialsOf(target: ConnectorTarget): { tenantId: string; clientId: string; clientSecret: string } {
  const c = target.credentials;
  return { tenantId: String(c.tenantId), clientId: String(c.clientId), clientSecret: String(c.clientSecret) };
}

/** Every credential string and the tokens made from them: scrubbed out of any message that leaves the connector. */
export function secretsOf(target: ConnectorTarget): string[] {
  const key = `${target.connectionId}:${String(target.credentials.clientId)}`;
  const token = tokens.get(key)?.token;
  return [...Object.values(target.credentials).filter((v): v is string => typeof v === 'string'), ...(token ? [token] : [])];
}

export function scrub(message: string, secrets: readonly string[]): string {
  let out = message;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  return out;
}

function retryAfterOf(response: Response): number | undefined {
  const value = response.headers.get('retry-after')?.trim();
  return value && /^\d+$/.test(value) ? Number(value) * 1000 : undefined;
}

/** The token endpoint of the tenant (settings.tokenUrl overrides it: a sovereign cloud, or a test's local server). */
export function tokenUrlOf(target: ConnectorTarget): string {
  const { tokenUrl } = settingsOf(target.settings);
  return tokenUrl ?? `https://login.microsoftonline.com/${encodeURIComponent(credentialsOf(target).tenantId)}/oauth2/v2.0/token`;
}

async function accessToken(target: ConnectorTarget, now: number): Promise<string> {
  const { clientId, clientSecret } = credentialsOf(target);
  const key = `${target.connectionId}:${clientId}`;
  const cached = tokens.get(key);
  if (cached && cached.expiresAt > now) return cached.token;
  const response = await call(tokenUrlOf(target), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
      scope: 'https://api.businesscentral.dynamics.com/.default',
    }).toString(),
  });
  const body = (await response.json().catch(() => null)) as {
    access_token?: string;
    expires_in?: number;
    error?: string;
    error_description?: string;
  } | null;
  if (!response.ok || !body?.access_token) {
    const message = body?.error_description ?? body?.error ?? `the token endpoint answered ${response.status}`;
    throw new DynamicsError(`Entra ID: ${message.split(/\r?\n/)[0]}`, response.status, retryAfterOf(response), true);
  }
  tokens.set(key, { token: body.access_token, expiresAt: now + Math.max(0, (body.expires_in ?? 3599) - 60) * 1000 });
  return body.access_token;
}

async function call(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    const e = err as { name?: string; cause?: { code?: string } };
    throw new DynamicsError(
      e.name === 'TimeoutError'
        ? `Business Central did not answer within ${TIMEOUT_MS / 1000} s`
        : `Business Central unreachable (${e.cause?.code ?? e.name ?? 'error'})`,
      null,
    );
  }
}

/** The API root of the connection's company: `<baseUrl>/v2.0/<tenant>/<environment>/api/v2.0/companies(<id>)`. */
export function companyUrl(target: ConnectorTarget): string {
  const { environment, companyId } = settingsOf(target.settings);
  const { tenantId } = credentialsOf(target);
  return `${target.baseUrl.replace(/\/+$/, '')}/v2.0/${encodeURIComponent(tenantId)}/${encodeURIComponent(environment)}/api/v2.0/companies(${companyId})`;
}

/**
 * Decimal strings go into the JSON as numbers without passing through a float: Edm.Decimal is a
 * JSON number on the wire, and Tariff's amounts are exact (PRICING.md).
 */
export class ODataDecimal {
  constructor(readonly value: string) {}
  toJSON(): string {
    return `\u0000dec:${this.value}\u0000`;
  }
}

export function toODataJson(body: unknown): string {
  return JSON.stringify(body).replace(/"\\u0000dec:(-?\d+(?:\.\d+)?)\\u0000"/g, '$1');
}

/** A string literal in a `$filter` (OData doubles a quote inside one). */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** One request to the company's API; the JSON answer, or a DynamicsError with BC's message (`error.message`). */
export async function odata<T>(
  target: ConnectorTarget,
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  options: { body?: unknown; query?: Record<string, string>; now?: number } = {},
): Promise<T> {
  const now = options.now ?? Date.now();
  const token = await accessToken(target, now);
  const query = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  // BC refuses a PATCH without a concurrency token; `*` says: whatever the current version (Tariff owns what it writes).
  if (method === 'PATCH') headers['if-match'] = '*';
  const response = await call(`${companyUrl(target)}/${path}${query}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : toODataJson(options.body),
  });
  if (response.status === 401) tokens.delete(`${target.connectionId}:${credentialsOf(target).clientId}`);
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    const message = body?.error?.message ?? `Business Central answered ${response.status}`;
    const retryAfterMs = retryAfterOf(response);
    if (retryAfterMs !== undefined) pausedUntil.set(target.connectionId, Date.now() + retryAfterMs);
    throw new DynamicsError(message, response.status, retryAfterMs);
  }
  return (await response.json()) as T;
}

/** A failure as the engine records it: BC's message with its status, credentials scrubbed. */
/** Whether the rest of a batch would get the same answer (BC down or throttling, or the credentials refused). */
export function affectsAll(err: unknown): boolean {
  return err instanceof DynamicsError && (err.auth || err.statusCode === 429 || (err.statusCode !== null && err.statusCode >= 500));
}

export function outcomeOfError(err: unknown, secrets: readonly string[]): Extract<ItemOutcome, { ok: false }> {
  const e = err instanceof DynamicsError ? err : new DynamicsError(`connector error: ${String((err as Error)?.message ?? err)}`, null);
  const code = e.statusCode;
  const rejected = code !== null && code >= 400 && code < 500 && code !== 429 && code !== 408;
  const message = scrub(code !== null ? `${code}: ${e.message}` : e.message, secrets);
  return {
    ok: false,
    kind: rejected ? 'rejected' : 'unavailable',
    message,
    statusCode: code,
    ...(e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}),
    ...(code === 429 ? { throttled: true } : {}),
  };
}
