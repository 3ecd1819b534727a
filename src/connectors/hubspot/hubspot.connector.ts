import { Client } from '@hubspot/api-client';
import { ConnectedSystem } from '../../domain/connectors/connection.entity';
import type { Connector, ConnectorTarget, InboundDeal, ItemOutcome, RecordType, SyncItem } from '../../domain/connectors/connector';
import { inboundSettingsOf } from '../../domain/connectors/inbound';
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/deals';
import {
  companyProperties,
  contactProperties,
  dealProperties,
  HubSpotProperties,
  HubSpotSettings,
  invoiceProperties,
  paymentProperties,
  settingsOf,
} from './hubspot.mapping';

/** The unique-value property every synced object carries (docs/connectors.md: create it once per portal). */
export const ID_PROPERTY = 'tariff_id';

/** Where each record type goes: HubSpot's object type and what it is associated with. */
const TARGETS: Partial<Record<RecordType, { objectType: string; properties: (item: SyncItem, s: HubSpotSettings) => HubSpotProperties }>> =
  {
    customer: { objectType: 'companies', properties: companyProperties },
    contact: { objectType: 'contacts', properties: contactProperties },
    subscription: { objectType: 'deals', properties: dealProperties },
    invoice: { objectType: 'invoices', properties: invoiceProperties },
    payment: { objectType: 'commerce_payments', properties: paymentProperties },
  };
const RECORD_TYPES_SENT = Object.keys(TARGETS) as RecordType[];

/** What an object is associated with (HubSpot's default association type between the two). */
function associationsOf(recordType: RecordType, item: SyncItem): { toObjectType: string; toId: string }[] {
  const out: { toObjectType: string; toId: string }[] = [];
  if (recordType !== 'customer' && item.customerExternalId) out.push({ toObjectType: 'companies', toId: item.customerExternalId });
  if (recordType === 'invoice' && item.parentExternalId) out.push({ toObjectType: 'deals', toId: item.parentExternalId });
  if (recordType === 'payment' && item.parentExternalId) out.push({ toObjectType: 'invoices', toId: item.parentExternalId });
  return out;
}

/** An error of @hubspot/api-client (ApiException): the status, HubSpot's JSON body and the headers. */
interface HubSpotError {
  code?: number;
  body?: unknown;
  headers?: Record<string, string>;
  message?: string;
}

/** HubSpot's own words (`message` of its error body), never the request (it carries the token). */
export function outcomeOfError(err: unknown, secrets: readonly string[]): Extract<ItemOutcome, { ok: false }> {
  const e = err as HubSpotError;
  const code = typeof e.code === 'number' && e.code >= 100 ? e.code : null;
  let message: string;
  const body = typeof e.body === 'string' ? safeJson(e.body) : e.body;
  if (body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string') {
    message = (body as { message: string }).message;
  } else if (code !== null) {
    message = `HubSpot answered ${code}`;
  } else {
    message = `HubSpot unreachable: ${e.message ?? String(err)}`;
  }
  for (const secret of secrets) if (secret.length >= 4) message = message.split(secret).join('[redacted]');
  const retryAfter = headerOf(e.headers, 'retry-after');
  const retryAfterMs = retryAfter !== undefined && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter.trim()) * 1000 : undefined;
  const rejected = code !== null && code >= 400 && code < 500 && code !== 429 && code !== 408;
  return {
    ok: false,
    kind: rejected ? 'rejected' : 'unavailable',
    message: code !== null ? `${code}: ${message}` : message,
    statusCode: code,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    ...(code === 429 ? { throttled: true } : {}),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function headerOf(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return v;
  return undefined;
}

function clientFor(target: ConnectorTarget): Client {
  return new Client({ accessToken: String(target.credentials.accessToken), basePath: target.baseUrl, numberOfApiCallRetries: 0 });
}

/**
 * Sends a batch as one batch upsert by `tariff_id` (idempotent on HubSpot's side), then creates
 * the default associations of the objects it returned. A batch HubSpot refuses as a whole with a
 * 4xx is sent again record by record, so the one record it refuses is the one marked FAILED.
 */
async function push(target: ConnectorTarget, recordType: RecordType, items: readonly SyncItem[]): Promise<ItemOutcome[]> {
  const client = clientFor(target);
  const secrets = Object.values(target.credentials).filter((v): v is string => typeof v === 'string');
  const settings = settingsOf(target.settings);
  // Only the types of recordTypes reach here (the engine logs no others for its connections).
  const { objectType, properties } = TARGETS[recordType]!;
  const upsert = async (batch: readonly SyncItem[]): Promise<ItemOutcome[]> => {
    const body = {
      inputs: batch.map((item) => ({ id: item.tariffId, idProperty: ID_PROPERTY, properties: properties(item, settings) })),
    };
    let response: { results: { id: string; properties: Record<string, string | null> }[] };
    try {
      response =
        objectType === 'companies'
          ? await client.crm.companies.batchApi.upsert(body)
          : objectType === 'contacts'
            ? await client.crm.contacts.batchApi.upsert(body)
            : objectType === 'deals'
              ? await client.crm.deals.batchApi.upsert(body)
              : objectType === 'invoices'
                ? await client.crm.commerce.invoices.batchApi.upsert(body)
                : await client.crm.objects.batchApi.upsert(objectType, body);
    } catch (err) {
      const outcome = outcomeOfError(err, secrets);
      if (outcome.kind === 'rejected' && batch.length > 1) {
        const one: ItemOutcome[] = [];
        for (const item of batch) one.push(...(await upsert([item])));
        return one;
      }
      return batch.map(() => outcome);
    }
    const byTariffId = new Map(response.results.map((r) => [r.properties[ID_PROPERTY], r.id]));
    return batch.map((item): ItemOutcome => {
      const id = byTariffId.get(item.tariffId);
      return id
        ? { ok: true, externalId: id }
        : { ok: false, kind: 'unavailable', message: 'HubSpot did not return the object', statusCode: null };
    });
  };
  const outcomes = await upsert(items);
  // Default associations, one batch per target type; a failure makes the record due again (the upsert repeats harmlessly).
  const pairs = new Map<string, { index: number; from: string; to: string }[]>();
  items.forEach((item, index) => {
    const outcome = outcomes[index];
    if (!outcome.ok) return;
    for (const a of associationsOf(recordType, item)) {
      const list = pairs.get(a.toObjectType) ?? [];
      list.push({ index, from: outcome.externalId, to: a.toId });
      pairs.set(a.toObjectType, list);
    }
  });
  for (const [toObjectType, list] of pairs) {
    try {
      await client.crm.associations.v4.batchApi.createDefault(objectType, toObjectType, {
        inputs: list.map((p) => ({ _from: { id: p.from }, to: { id: p.to } })),
      });
    } catch (err) {
      const outcome = outcomeOfError(err, secrets);
      for (const p of list) outcomes[p.index] = { ...outcome, message: `association with ${toObjectType}: ${outcome.message}` };
    }
  }
  return outcomes;
}

/** The ids of an object's associated objects of one type (v4, first page: a deal has few). */
async function associated(client: Client, objectType: string, id: string, toObjectType: string): Promise<string[]> {
  const page = await client.crm.associations.v4.basicApi.getPage(objectType, id, toObjectType, undefined, 100);
  return page.results.map((r) => String(r.toObjectId));
}

/**
 * Inbound: deals in the closed-won stage modified after the cursor, oldest first, by HubSpot's
 * search API (`hs_lastmodifieddate`), without the deals Tariff itself wrote (they carry
 * `tariff_id`); then each deal's company, contact and line items (`hs_sku`, `quantity`).
 */
async function pullClosedWon(target: ConnectorTarget, since: string | null): Promise<InboundDeal[]> {
  const inbound = inboundSettingsOf(target.settings);
  if (!inbound) return [];
  const client = clientFor(target);
  const filters = [
    { propertyName: 'dealstage', operator: FilterOperatorEnum.Eq, value: inbound.closedWonStage },
    { propertyName: ID_PROPERTY, operator: FilterOperatorEnum.NotHasProperty },
    ...(since ? [{ propertyName: 'hs_lastmodifieddate', operator: FilterOperatorEnum.Gt, value: since }] : []),
  ];
  const page = await client.crm.deals.searchApi.doSearch({
    filterGroups: [{ filters }],
    sorts: ['hs_lastmodifieddate'],
    properties: ['dealname', 'dealstage', 'deal_currency_code', 'hs_lastmodifieddate', inbound.purchaseOrderProperty],
    limit: 100,
    after: '0',
  });
  const deals: InboundDeal[] = [];
  for (const deal of page.results) {
    const [companyId] = await associated(client, 'deals', deal.id, 'companies');
    const [contactId] = await associated(client, 'deals', deal.id, 'contacts');
    const lineItemIds = await associated(client, 'deals', deal.id, 'line_items');
    const lineItems =
      lineItemIds.length === 0
        ? []
        : (
            await client.crm.lineItems.batchApi.read({
              inputs: lineItemIds.map((id) => ({ id })),
              properties: ['hs_sku', 'quantity', 'name'],
              propertiesWithHistory: [],
            })
          ).results;
    const contact = contactId
      ? (
          await client.crm.objects.batchApi.read('contacts', {
            inputs: [{ id: contactId }],
            properties: ['email'],
            propertiesWithHistory: [],
          })
        ).results[0]
      : undefined;
    const properties = deal.properties;
    deals.push({
      externalId: deal.id,
      modifiedAt: properties.hs_lastmodifieddate ?? deal.updatedAt.toISOString(),
      companyExternalId: companyId ?? null,
      contact: contactId ? { externalId: contactId, email: contact?.properties.email ?? null } : null,
      currency: properties.deal_currency_code || null,
      purchaseOrderNumber: properties[inbound.purchaseOrderProperty] || null,
      lines: lineItems
        .filter((li) => li.properties.hs_sku)
        .map((li) => ({ code: li.properties.hs_sku!, quantity: li.properties.quantity || '1' })),
    });
  }
  return deals;
}

export const hubspotConnector: Connector = {
  system: ConnectedSystem.HUBSPOT,
  defaultBaseUrl: 'https://api.hubapi.com',
  recordTypes: RECORD_TYPES_SENT,
  validate({ credentials, settings }) {
    const problems: { path: string; message: string }[] = [];
    if (typeof credentials.accessToken !== 'string' || credentials.accessToken.trim().length < 8) {
      problems.push({ path: 'credentials.accessToken', message: 'must be a HubSpot private app access token' });
    }
    for (const key of ['pipeline', 'dealStage'] as const) {
      if (settings[key] !== undefined && typeof settings[key] !== 'string')
        problems.push({ path: `settings.${key}`, message: 'must be a string' });
    }
    if (
      settings.crmOwnedFields !== undefined &&
      !(Array.isArray(settings.crmOwnedFields) && settings.crmOwnedFields.every((f) => typeof f === 'string'))
    ) {
      problems.push({ path: 'settings.crmOwnedFields', message: 'must be a list of HubSpot property names' });
    }
    if (
      settings.maxAttempts !== undefined &&
      !(Number.isInteger(settings.maxAttempts) && (settings.maxAttempts as number) >= 1 && (settings.maxAttempts as number) <= 50)
    ) {
      problems.push({ path: 'settings.maxAttempts', message: 'must be a whole number from 1 to 50' });
    }
    const inbound = settings.inbound as Record<string, unknown> | undefined;
    if (inbound !== undefined) {
      if (!inbound || typeof inbound !== 'object' || typeof inbound.closedWonStage !== 'string' || !inbound.closedWonStage) {
        problems.push({
          path: 'settings.inbound.closedWonStage',
          message: 'must name the deal stage that makes a quote (e.g. "closedwon")',
        });
      } else if (inbound.accept !== undefined && typeof inbound.accept !== 'boolean') {
        problems.push({ path: 'settings.inbound.accept', message: 'must be true or false' });
      }
    }
    return problems;
  },
  push,
  pullClosedWon,
};
