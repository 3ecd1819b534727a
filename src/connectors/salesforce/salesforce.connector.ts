import { Connection, type HttpRequest, type HttpRequestOptions } from 'jsforce';
import { ConnectedSystem } from '../../domain/connectors/connection.entity';
import type { Connector, ConnectorTarget, InboundDeal, ItemOutcome, RecordType, SyncItem } from '../../domain/connectors/connector';
import { inboundSettingsOf } from '../../domain/connectors/inbound';
import {
  EXTERNAL_ID_FIELD,
  FIELDS_OF,
  SALESFORCE_RECORD_TYPES,
  SOBJECT_OF,
  settingsOf,
  type SalesforceRecordType,
  type SalesforceSettings,
} from './salesforce.mapping';
import { validateSalesforceInput } from './salesforce.validation';

/** Error codes that say "not now" rather than "not this record" (REST API Developer Guide, Status Codes and Error Responses). */
const UNAVAILABLE_CODES = new Set(['SERVER_UNAVAILABLE', 'UNABLE_TO_LOCK_ROW', 'REQUEST_RUNNING_TOO_LONG', 'QUERY_TIMEOUT']);

/** What a jsforce error carries: Salesforce's `errorCode` and message; the status comes from the transport (below). */
interface JsforceError {
  errorCode?: string;
  message?: string;
  name?: string;
}

/**
 * Access tokens got by the OAuth 2.0 client credentials flow, per connection: in this process's
 * memory only (never stored, never logged), asked for again when Salesforce answers 401.
 */
const clientCredentialTokens = new Map<string, string>();

/** A connection's credentials use the client credentials flow (a connected app's consumer key and secret). */
function usesClientCredentials(credentials: Record<string, unknown>): boolean {
  return typeof credentials.clientId === 'string' && typeof credentials.clientSecret === 'string';
}

/** jsforce's own logging stays off whatever JSFORCE_LOG_LEVEL says: at DEBUG it prints response bodies; ours logs ids and Salesforce's words. */
const QUIET = 'NONE';

/** What the transports saw last: the HTTP status (jsforce's errors carry Salesforce's error code, not the status). */
interface Seen {
  status: number | null;
}

/** jsforce's transport with its own retries off (the sync engine owns retries and backoff; jsforce would sleep inside a pass), the status kept. */
function tap(transport: Connection['_transport'], seen: Seen): void {
  const original = transport.httpRequest.bind(transport);
  transport.httpRequest = (request: HttpRequest, options?: HttpRequestOptions) => {
    seen.status = null;
    const pending = original(request, { ...options, retry: { maxRetries: 0 } });
    pending.then(
      (response) => {
        seen.status = response.statusCode;
      },
      () => undefined,
    );
    return pending;
  };
}

/**
 * A jsforce connection to the org at the connection's baseUrl (its instance URL), with an access
 * token, or with a connected app's client credentials: jsforce asks the org's token endpoint
 * (`POST /services/oauth2/token`, grant_type client_credentials) for a token, and again when a
 * request is answered 401 (its session refresh delegate), at most twice per connection object.
 */
function connectionFor(
  target: ConnectorTarget,
  settings: SalesforceSettings,
): { conn: Connection; lastStatus: () => number | null; secrets: string[]; authorize: () => Promise<void> } {
  const seen: Seen = { status: null };
  const secrets = Object.values(target.credentials).filter((v): v is string => typeof v === 'string');
  if (!usesClientCredentials(target.credentials)) {
    const conn = new Connection({
      instanceUrl: target.baseUrl,
      accessToken: String(target.credentials.accessToken),
      version: settings.apiVersion,
      logLevel: QUIET,
    });
    tap(conn._transport, seen);
    return { conn, lastStatus: () => seen.status, secrets, authorize: async () => undefined };
  }
  let refreshes = 0;
  const conn: Connection = new Connection({
    instanceUrl: target.baseUrl,
    version: settings.apiVersion,
    logLevel: QUIET,
    oauth2: {
      clientId: String(target.credentials.clientId),
      clientSecret: String(target.credentials.clientSecret),
      loginUrl: target.baseUrl,
    },
    accessToken: clientCredentialTokens.get(target.connectionId),
    refreshFn: (c, callback) => {
      if (++refreshes > 2) return callback(new Error('the org refused two fresh access tokens'));
      c.oauth2.requestToken({ grant_type: 'client_credentials' }).then(
        (res) => {
          c.accessToken = res.access_token;
          clientCredentialTokens.set(target.connectionId, res.access_token);
          secrets.push(res.access_token);
          callback(undefined, res.access_token, res);
        },
        (err: Error) => callback(err),
      );
    },
  });
  tap(conn._transport, seen);
  tap(conn.oauth2._transport, seen);
  const cached = clientCredentialTokens.get(target.connectionId);
  if (cached) secrets.push(cached);
  const authorize = async () => {
    if (conn.accessToken) return;
    const res = await conn.oauth2.requestToken({ grant_type: 'client_credentials' });
    conn.accessToken = res.access_token;
    clientCredentialTokens.set(target.connectionId, res.access_token);
    secrets.push(res.access_token);
  };
  return { conn, lastStatus: () => seen.status, secrets, authorize };
}

/** Salesforce's own words (its error code and message), never the request: it carries the token. */
export function outcomeOfError(
  err: unknown,
  statusCode: number | null,
  secrets: readonly string[],
  settings: SalesforceSettings,
): Extract<ItemOutcome, { ok: false }> {
  const e = err as JsforceError;
  const code = typeof e.errorCode === 'string' ? e.errorCode : null;
  let message: string;
  if (code && !code.startsWith('ERROR_HTTP_') && typeof e.message === 'string') message = `${code}: ${e.message}`;
  else if (!code && statusCode !== null && e.name && e.name !== 'Error' && !e.name.startsWith('ERROR_HTTP_'))
    // The token endpoint's OAuth error (`invalid_client`…) and its description.
    message = `${e.name}: ${e.message ?? ''}`;
  else if (statusCode !== null) message = `Salesforce answered ${statusCode}`;
  else message = `Salesforce unreachable: ${e.message ?? String(err)}`;
  message = scrub(message, secrets);
  if (code === 'REQUEST_LIMIT_EXCEEDED') {
    // The org's API request limit (a rolling 24 hours): no Retry-After; wait as the settings say, not counted against the record.
    return {
      ok: false,
      kind: 'unavailable',
      message: `${statusCode ?? 403}: ${message}`,
      statusCode: statusCode ?? 403,
      retryAfterMs: settings.requestLimitWaitSeconds * 1000,
      throttled: true,
    };
  }
  const rejected =
    statusCode !== null &&
    statusCode >= 400 &&
    statusCode < 500 &&
    statusCode !== 408 &&
    statusCode !== 429 &&
    !UNAVAILABLE_CODES.has(code ?? '');
  return {
    ok: false,
    kind: rejected ? 'rejected' : 'unavailable',
    message: statusCode !== null ? `${statusCode}: ${message}` : message,
    statusCode,
    ...(statusCode === 429 ? { throttled: true } : {}),
  };
}

function scrub(message: string, secrets: readonly string[]): string {
  let out = message;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  return out;
}

/** One record's result of an upsert (single or sObject Collections): `statusCode` in Collections' errors, `errorCode` in jsforce's type. */
interface UpsertResultLike {
  id?: string | null;
  success: boolean;
  errors?: { statusCode?: string; errorCode?: string; message?: string }[];
}

function outcomeOfResult(result: UpsertResultLike | undefined, secrets: readonly string[]): ItemOutcome {
  if (result?.success && result.id) return { ok: true, externalId: result.id };
  if (!result) return { ok: false, kind: 'unavailable', message: 'Salesforce did not return the record', statusCode: null };
  const errors = result.errors ?? [];
  const code = errors[0]?.statusCode ?? errors[0]?.errorCode ?? null;
  const message =
    errors.map((e) => `${e.statusCode ?? e.errorCode ?? 'ERROR'}: ${e.message ?? ''}`).join('; ') || 'the record was not saved';
  // A record refused inside a 200 answer: its own fault unless Salesforce says the row was locked.
  return {
    ok: false,
    kind: UNAVAILABLE_CODES.has(code ?? '') ? 'unavailable' : 'rejected',
    message: scrub(message, secrets),
    statusCode: null,
  };
}

/**
 * Sends a batch by upsert on `Tariff_Id__c` (idempotent on Salesforce's side): one record with
 * `PATCH /sobjects/{sObject}/Tariff_Id__c/{id}`, more with one sObject Collections upsert
 * (`PATCH /composite/sobjects/{sObject}/Tariff_Id__c`, `allOrNone: false`, up to 200), whose
 * answer has a result per record: a refused record fails alone, the others are saved.
 */
function isSalesforceType(recordType: RecordType): recordType is SalesforceRecordType {
  return (SALESFORCE_RECORD_TYPES as readonly RecordType[]).includes(recordType);
}

async function push(target: ConnectorTarget, recordType: RecordType, items: readonly SyncItem[]): Promise<ItemOutcome[]> {
  if (!isSalesforceType(recordType)) {
    return items.map(() => ({
      ok: false,
      kind: 'rejected',
      message: `Salesforce does not receive ${recordType} records`,
      statusCode: null,
    }));
  }
  const settings = settingsOf(target.settings);
  const { conn, lastStatus, secrets, authorize } = connectionFor(target, settings);
  const sobject = SOBJECT_OF[recordType];
  const records: { [field: string]: unknown }[] = [];
  const outcomes: (ItemOutcome | null)[] = items.map((item) => {
    try {
      records.push({ ...FIELDS_OF[recordType](item, settings), [EXTERNAL_ID_FIELD]: item.tariffId });
      return null;
    } catch (err) {
      return { ok: false, kind: 'rejected', message: `not sent: ${(err as Error).message}`, statusCode: null };
    }
  });
  const sendable = items.filter((_, i) => outcomes[i] === null);
  if (sendable.length === 0) return outcomes as ItemOutcome[];
  let results: UpsertResultLike[];
  try {
    await authorize();
    results =
      records.length === 1
        ? [await conn.sobject(sobject).upsert(records[0], EXTERNAL_ID_FIELD)]
        : await conn.sobject(sobject).upsert(records, EXTERNAL_ID_FIELD, { allOrNone: false });
  } catch (err) {
    const failure = outcomeOfError(err, lastStatus(), secrets, settings);
    return outcomes.map((o) => o ?? failure);
  }
  let next = 0;
  return outcomes.map((o) => o ?? outcomeOfResult(results[next++], secrets));
}

/** A string as a SOQL literal: quotes and backslashes escaped (SOQL and SOSL Reference, Quoted String Escape Sequences). */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Salesforce's `2026-12-07T10:00:00.000+0000` as ISO with Z, the form the inbound cursor keeps and SOQL accepts back. */
function isoOf(value: string): string {
  return new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')).toISOString();
}

interface OpportunityRow {
  Id: string;
  AccountId: string | null;
  SystemModstamp: string;
  CurrencyIsoCode?: string | null;
  [field: string]: unknown;
  OpportunityLineItems: { records: { ProductCode: string | null; Quantity: number | null }[] } | null;
  OpportunityContactRoles: { records: { ContactId: string; IsPrimary: boolean; Contact: { Email: string | null } | null }[] } | null;
}

/**
 * Inbound: the won Opportunities (`IsWon = true` in the stage the settings name) changed after
 * the cursor, oldest first by `SystemModstamp`, without the ones Tariff wrote itself (they carry
 * `Tariff_Id__c`): one SOQL query with the line items (`ProductCode`, `Quantity`) and contact
 * roles (the primary one first) as subqueries.
 */
async function pullClosedWon(target: ConnectorTarget, since: string | null): Promise<InboundDeal[]> {
  const inbound = inboundSettingsOf(target.settings);
  if (!inbound) return [];
  const settings = settingsOf(target.settings);
  const poField = purchaseOrderFieldOf(target.settings);
  const { conn, lastStatus, secrets, authorize } = connectionFor(target, settings);
  // A field selected twice is a SOQL error: the PO field could be one of the others.
  const fields = [...new Set(['Id', 'AccountId', 'SystemModstamp', poField, ...(settings.multiCurrency ? ['CurrencyIsoCode'] : [])])];
  const where = [
    'IsWon = true',
    `StageName = ${soqlString(inbound.closedWonStage)}`,
    `${EXTERNAL_ID_FIELD} = null`,
    ...(since ? [`SystemModstamp > ${new Date(since).toISOString()}`] : []),
  ];
  const soql =
    `SELECT ${fields.join(', ')}, ` +
    `(SELECT ProductCode, Quantity FROM OpportunityLineItems), ` +
    `(SELECT ContactId, IsPrimary, Contact.Email FROM OpportunityContactRoles ORDER BY IsPrimary DESC) ` +
    `FROM Opportunity WHERE ${where.join(' AND ')} ORDER BY SystemModstamp ASC LIMIT 100`;
  let rows: OpportunityRow[];
  try {
    await authorize();
    rows = (await conn.query<OpportunityRow>(soql)).records;
  } catch (err) {
    // The engine logs this and leaves the cursor: Salesforce's words only, no cause (a logged cause could carry the request).
    // eslint-disable-next-line preserve-caught-error
    throw new Error(outcomeOfError(err, lastStatus(), secrets, settings).message);
  }
  return rows.map((row): InboundDeal => {
    const role = row.OpportunityContactRoles?.records[0];
    const po = row[poField];
    return {
      externalId: row.Id,
      modifiedAt: isoOf(row.SystemModstamp),
      companyExternalId: row.AccountId,
      contact: role ? { externalId: role.ContactId, email: role.Contact?.Email ?? null } : null,
      currency: row.CurrencyIsoCode ?? null,
      purchaseOrderNumber: typeof po === 'string' && po ? po : null,
      lines: (row.OpportunityLineItems?.records ?? [])
        .filter((li) => li.ProductCode)
        .map((li) => ({ code: li.ProductCode!, quantity: li.Quantity === null ? '1' : String(li.Quantity) })),
    };
  });
}

/** The Opportunity field holding the buyer's PO number (a custom field; Salesforce has no standard one). */
export function purchaseOrderFieldOf(settings: Record<string, unknown>): string {
  const inbound = settings.inbound as Record<string, unknown> | undefined;
  return typeof inbound?.purchaseOrderProperty === 'string' ? inbound.purchaseOrderProperty : 'Tariff_Purchase_Order_Number__c';
}

export const salesforceConnector: Connector = {
  system: ConnectedSystem.SALESFORCE,
  // Salesforce has no one API host: the org's instance URL is the connection's baseUrl, which
  // validate() requires; this default (the login host, no REST data there) is never used.
  defaultBaseUrl: 'https://login.salesforce.com',
  recordTypes: SALESFORCE_RECORD_TYPES,
  validate: validateSalesforceInput,
  push,
  pullClosedWon,
};
