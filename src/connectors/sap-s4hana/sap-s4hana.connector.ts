import { ConnectedSystem } from '../../domain/connectors/connection.entity';
import type { Connector, ConnectorTarget, InboundShipment, ItemOutcome, RecordType, SyncItem } from '../../domain/connectors/connector';
import { Decimal, ZERO } from '../../pricing/decimal';
import { literal, outcomeOf, parseEdmDateTime, parseEdmTime, sapRequest, secretsOf } from './sap.client';
import {
  businessPartnerOf,
  businessPartnerUpdateOf,
  partnerKeyOf,
  SAP_FIELDS,
  salesOrderOf,
  salesOrderUpdateOf,
  sapSettingsOf,
} from './sap.mapping';

const BP = 'API_BUSINESS_PARTNER';
const SO = 'API_SALES_ORDER_SRV';
const STOCK = 'API_MATERIAL_STOCK_SRV';
/** Version 2 of the delivery API, the one the EDMX in test/fixtures/sap describes. */
const DELIVERY = 'API_OUTBOUND_DELIVERY_SRV;v=0002';

const PAGE = 1000;

/** One record: its SAP key, found by Tariff's reference when the log has none yet (a crash after SAP's answer), created when SAP has none. */
async function pushOne(target: ConnectorTarget, recordType: RecordType, item: SyncItem): Promise<ItemOutcome> {
  const settings = sapSettingsOf(target.settings);
  try {
    if (recordType === 'customer') {
      let id = item.externalId;
      if (!id) {
        const found = await sapRequest<{ results: { BusinessPartner: string }[] }>(target, {
          service: BP,
          method: 'get',
          path: 'A_BusinessPartner',
          params: {
            $filter: `BusinessPartnerIDByExtSystem eq ${literal(partnerKeyOf(item.tariffId))}`,
            $select: 'BusinessPartner',
            $top: '1',
          },
        });
        id = found.results[0]?.BusinessPartner ?? null;
      }
      if (!id) {
        const created = await sapRequest<{ BusinessPartner: string }>(target, {
          service: BP,
          method: 'post',
          path: 'A_BusinessPartner',
          data: businessPartnerOf(item, settings),
        });
        return { ok: true, externalId: created.BusinessPartner };
      }
      await sapRequest(target, {
        service: BP,
        method: 'patch',
        path: `A_BusinessPartner(${literal(id)})`,
        data: businessPartnerUpdateOf(item),
      });
      return { ok: true, externalId: id };
    }
    if (recordType === 'order') {
      const number = String((item.event.payload as { number: string }).number);
      let id = item.externalId;
      if (!id) {
        const found = await sapRequest<{ results: { SalesOrder: string }[] }>(target, {
          service: SO,
          method: 'get',
          path: 'A_SalesOrder',
          params: {
            $filter: `AssignmentReference eq ${literal(number.slice(0, 18))} and SoldToParty eq ${literal(item.customerExternalId!)}`,
            $select: 'SalesOrder',
            $top: '1',
          },
        });
        id = found.results[0]?.SalesOrder ?? null;
      }
      if (!id) {
        const created = await sapRequest<{ SalesOrder: string }>(target, {
          service: SO,
          method: 'post',
          path: 'A_SalesOrder',
          data: salesOrderOf(item, settings),
        });
        return { ok: true, externalId: created.SalesOrder };
      }
      await sapRequest(target, { service: SO, method: 'patch', path: `A_SalesOrder(${literal(id)})`, data: salesOrderUpdateOf(item) });
      return { ok: true, externalId: id };
    }
    return { ok: false, kind: 'rejected', message: `the SAP connector does not send ${recordType} records`, statusCode: null };
  } catch (err) {
    return outcomeOf(err, secretsOf(target));
  }
}

/**
 * OData v2 has `$batch`, but a change set fails as a whole: one record per call keeps a refused
 * record's SAP message on that record alone. A 503 stops the batch (SAP is down: the rest wait too).
 */
async function push(target: ConnectorTarget, recordType: RecordType, items: readonly SyncItem[]): Promise<ItemOutcome[]> {
  const outcomes: ItemOutcome[] = [];
  for (const item of items) {
    const previous = outcomes[outcomes.length - 1];
    if (previous && !previous.ok && previous.kind === 'unavailable') {
      outcomes.push({ ...previous });
      continue;
    }
    outcomes.push(await pushOne(target, recordType, item));
  }
  return outcomes;
}

interface StockRow {
  Material: string;
  MatlWrhsStkQtyInMatlBaseUnit: string;
}

/**
 * Unrestricted-use stock (InventoryStockType 01) per material, summed over plants and storage
 * locations (or one plant's). The API has no change date: the whole list is read, at most every
 * `stockIntervalMinutes`; the cursor is the time of the last read.
 */
async function pullInventory(target: ConnectorTarget, since: string | null) {
  const settings = sapSettingsOf(target.settings);
  if (!settings.inventory) return { levels: [], cursor: since };
  const now = Date.now();
  if (since && now - Date.parse(since) < settings.stockIntervalMinutes * 60_000) return { levels: [], cursor: since };
  const totals = new Map<string, Decimal>();
  for (let skip = 0; ; skip += PAGE) {
    const page = await sapRequest<{ results: StockRow[] }>(target, {
      service: STOCK,
      method: 'get',
      path: 'A_MatlStkInAcctMod',
      params: {
        $filter: `InventoryStockType eq '01'${settings.plant ? ` and Plant eq ${literal(settings.plant)}` : ''}`,
        $select: 'Material,Plant,MatlWrhsStkQtyInMatlBaseUnit',
        $orderby: 'Material',
        $top: String(PAGE),
        $skip: String(skip),
      },
    });
    for (const row of page.results) {
      totals.set(row.Material, (totals.get(row.Material) ?? ZERO).plus(new Decimal(row.MatlWrhsStkQtyInMatlBaseUnit)));
    }
    if (page.results.length < PAGE) break;
  }
  // Stock below zero (a posting SAP allows for some materials) is none available.
  const levels = [...totals].map(([sku, q]) => ({ sku, available: Decimal.max(q, ZERO).toFixed() }));
  return { levels, cursor: new Date(now).toISOString() };
}

interface DeliveryRow {
  DeliveryDocument: string;
  ActualGoodsMovementDate: string | null;
  ActualGoodsMovementTime: string | null;
  BillOfLading: string | null;
  to_DeliveryDocumentItem?: { results: DeliveryItemRow[] } | DeliveryItemRow[];
}
interface DeliveryItemRow {
  Material: string;
  ActualDeliveryQuantity: string;
  ReferenceSDDocument: string | null;
}

/**
 * Outbound deliveries whose goods issue is posted (OverallGoodsMovementStatus C) on or after the
 * cursor's day, oldest first, with their items. A delivery of several sales orders becomes one
 * shipment per order (`<delivery>/<sales order>`); its items' materials are the SKUs.
 */
async function pullShipments(target: ConnectorTarget, since: string | null): Promise<InboundShipment[]> {
  const settings = sapSettingsOf(target.settings);
  if (!settings.shipments) return [];
  const day = since ? since.slice(0, 10) : '1970-01-01';
  const page = await sapRequest<{ results: DeliveryRow[] }>(target, {
    service: DELIVERY,
    method: 'get',
    path: 'A_OutbDeliveryHeader',
    params: {
      $filter: `OverallGoodsMovementStatus eq 'C' and ActualGoodsMovementDate ge datetime'${day}T00:00:00'`,
      $orderby: 'ActualGoodsMovementDate',
      $expand: 'to_DeliveryDocumentItem',
      $top: '500',
    },
  });
  const out: InboundShipment[] = [];
  for (const d of page.results) {
    const date = parseEdmDateTime(d.ActualGoodsMovementDate);
    if (!date) continue;
    const at = new Date(date.getTime() + parseEdmTime(d.ActualGoodsMovementTime)).toISOString();
    const items = Array.isArray(d.to_DeliveryDocumentItem) ? d.to_DeliveryDocumentItem : (d.to_DeliveryDocumentItem?.results ?? []);
    const byOrder = new Map<string, Map<string, Decimal>>();
    for (const i of items) {
      const q = new Decimal(i.ActualDeliveryQuantity || '0');
      if (!i.ReferenceSDDocument || q.lte(0)) continue;
      const lines = byOrder.get(i.ReferenceSDDocument) ?? new Map<string, Decimal>();
      byOrder.set(i.ReferenceSDDocument, lines);
      lines.set(i.Material, (lines.get(i.Material) ?? ZERO).plus(q));
    }
    for (const [order, lines] of byOrder) {
      out.push({
        externalId: byOrder.size === 1 ? d.DeliveryDocument : `${d.DeliveryDocument}/${order}`,
        modifiedAt: at,
        orderExternalId: order,
        shippedAt: at,
        carrier: null,
        trackingNumber: d.BillOfLading || null,
        lines: [...lines].map(([sku, q]) => ({ sku, quantity: q.toFixed() })),
      });
    }
  }
  return out.sort((a, b) => a.modifiedAt.localeCompare(b.modifiedAt));
}

/** SAP S/4HANA (Cloud or on-premise with the same APIs) over OData v2, with the SAP Cloud SDK's http-client. */
export const sapS4HanaConnector: Connector = {
  system: ConnectedSystem.SAP_S4HANA,
  // No default: every tenant has its own host (its communication arrangement names it); none given is BAD_USER_INPUT at input.baseUrl.
  defaultBaseUrl: '',
  recordTypes: ['customer', 'order'],
  validate({ credentials, settings }) {
    const problems: { path: string; message: string }[] = [];
    for (const k of ['username', 'password'])
      if (typeof credentials[k] !== 'string' || credentials[k] === '')
        problems.push({ path: `credentials.${k}`, message: 'the communication user of the communication arrangement' });
    for (const k of SAP_FIELDS)
      if (typeof settings[k] !== 'string' || settings[k] === '')
        problems.push({ path: `settings.${k}`, message: 'the sales area the sales orders go to' });
    for (const k of ['inventory', 'shipments'])
      if (settings[k] !== undefined && typeof settings[k] !== 'boolean') problems.push({ path: `settings.${k}`, message: 'true or false' });
    return problems;
  },
  push,
  pullInventory,
  pullShipments,
};
