import type { Connector, ConnectorTarget, InboundShipment } from '../../domain/connectors/connector';
import { assertNotPaused, odata, odataString } from './dynamics.http';
import { settingsOf } from './dynamics.settings';

/**
 * Inbound from Business Central: stock per item (its `inventory`, the quantity on hand) and posted
 * sales shipments. Items are Tariff SKUs by their BC number.
 *
 * An item's `lastModifiedDateTime` does not move when its stock does (`inventory` is computed from
 * the item ledger), so the inventory cursor is the item ledger's last entry number: the first read
 * takes every item, later ones only the items with ledger entries after the cursor.
 */

type InventoryPull = Awaited<ReturnType<NonNullable<Connector['pullInventory']>>>;

/** Ledger entries read per pass; more wait for the next pass (the cursor moves to the last one read). */
const LEDGER_PAGE = 1000;
/** Items named per `$filter` (an `or` of numbers keeps the URL short). */
const ITEMS_PER_FILTER = 20;

interface BcItem {
  number: string;
  inventory: number | string;
  type?: string;
}

/** A JSON number as BC sent it, as an exact decimal string (JSON numbers of stock are small and exact). */
function decimalOf(value: number | string): string {
  return typeof value === 'string' ? value : String(value);
}

/** Every page of a collection, following `@odata.nextLink`'s `$skiptoken` on the same path. */
async function allPages<T>(target: ConnectorTarget, path: string, query: Record<string, string>): Promise<T[]> {
  const out: T[] = [];
  let next: Record<string, string> | null = query;
  while (next) {
    const page: { value: T[]; '@odata.nextLink'?: string } = await odata(target, 'GET', path, { query: next });
    out.push(...page.value);
    const link = page['@odata.nextLink'];
    const skiptoken = link ? new URL(link).searchParams.get('$skiptoken') : null;
    next = skiptoken ? { ...query, $skiptoken: skiptoken } : null;
  }
  return out;
}

export async function pullInventory(target: ConnectorTarget, since: string | null): Promise<InventoryPull> {
  if (!settingsOf(target.settings).inventory) return { levels: [], cursor: since };
  assertNotPaused(target);
  let items: BcItem[];
  let cursor: string | null;
  if (since === null) {
    const [last] = (
      await odata<{ value: { entryNumber: number }[] }>(target, 'GET', 'itemLedgerEntries', {
        query: { $select: 'entryNumber', $orderby: 'entryNumber desc', $top: '1' },
      })
    ).value;
    cursor = String(last?.entryNumber ?? 0);
    items = await allPages<BcItem>(target, 'items', { $select: 'number,type,inventory', $filter: "type eq 'Inventory'" });
  } else {
    const entries = (
      await odata<{ value: { entryNumber: number; itemNumber: string }[] }>(target, 'GET', 'itemLedgerEntries', {
        query: {
          $select: 'entryNumber,itemNumber',
          $filter: `entryNumber gt ${Number(since)}`,
          $orderby: 'entryNumber',
          $top: String(LEDGER_PAGE),
        },
      })
    ).value;
    cursor = entries.length > 0 ? String(entries[entries.length - 1].entryNumber) : since;
    const numbers = [...new Set(entries.map((e) => e.itemNumber))];
    items = [];
    for (let i = 0; i < numbers.length; i += ITEMS_PER_FILTER) {
      const filter = numbers
        .slice(i, i + ITEMS_PER_FILTER)
        .map((n) => `number eq ${odataString(n)}`)
        .join(' or ');
      items.push(...(await allPages<BcItem>(target, 'items', { $select: 'number,type,inventory', $filter: filter })));
    }
  }
  return { levels: items.map((i) => ({ sku: i.number, available: decimalOf(i.inventory) })), cursor };
}

interface BcShipmentRow {
  id: string;
  number: string;
  orderNumber: string;
  postingDate: string;
  shipmentMethodCode: string;
  lastModifiedDateTime: string;
  salesShipmentLines?: { lineType: string; lineObjectNumber: string; quantity: number | string }[];
}

/**
 * Posted sales shipments modified after the cursor, oldest first, 100 a pass, with their lines.
 * The order is named by its BC number, which is how the sync log keeps Tariff's orders (their
 * external id). API v2.0 exposes no package tracking number: the carrier is the shipment method.
 */
export async function pullShipments(target: ConnectorTarget, since: string | null): Promise<InboundShipment[]> {
  if (!settingsOf(target.settings).shipments) return [];
  assertNotPaused(target);
  const page = await odata<{ value: BcShipmentRow[] }>(target, 'GET', 'salesShipments', {
    query: {
      ...(since ? { $filter: `lastModifiedDateTime gt ${new Date(since).toISOString()}` } : {}),
      $orderby: 'lastModifiedDateTime',
      $top: '100',
      $expand: 'salesShipmentLines',
    },
  });
  return page.value
    .filter((s) => s.orderNumber)
    .map((s) => ({
      externalId: s.number,
      modifiedAt: s.lastModifiedDateTime,
      orderExternalId: s.orderNumber,
      shippedAt: `${s.postingDate}T00:00:00.000Z`,
      carrier: s.shipmentMethodCode || null,
      trackingNumber: null,
      lines: (s.salesShipmentLines ?? [])
        .filter((l) => l.lineType === 'Item' && Number(l.quantity) > 0)
        .map((l) => ({ sku: l.lineObjectNumber, quantity: decimalOf(l.quantity) })),
    }));
}
