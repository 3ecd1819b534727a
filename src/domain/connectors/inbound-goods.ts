import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import type { Logger } from '../../logger';
import { Decimal } from '../../pricing/decimal';
import { DomainError } from '../errors';
import { InventoryService } from '../inventory/inventory.service';
import { OrderFulfilmentService } from '../orders/order-fulfilment.service';
import type { PaymentProviders } from '../payments/providers';
import type { Clock } from '../shared/clock';
import type { ServiceContext } from '../shared/service-context';
import type { Connector, ConnectorTarget, InboundShipment } from './connector';
import { ConnectionShipmentStatus } from './inbound-goods.entity';
import { connectionActor } from './inbound';

export interface InboundGoodsResult {
  /** SKUs whose available quantity changed. */
  levelsChanged: number;
  /** Stock lines left out: no PHYSICAL product of Tariff has that SKU (an ERP keeps many materials Tariff does not sell). */
  levelsIgnored: number;
  shipmentsRecorded: number;
  shipmentsRejected: number;
}

interface GoodsArgs {
  fork: () => EntityManager;
  clock: Clock;
  providers: PaymentProviders;
  connector: Connector;
  target: ConnectorTarget;
  logger?: Logger;
}

const DECIMAL = /^\d+(\.\d+)?$/;

/**
 * Inbound goods from an ERP (docs/connectors.md): the warehouse's stock through setInventoryLevels
 * and its shipments through recordShipment, the same services (and so the same validation and
 * events) as the API and the WMS feed. Each kind keeps its own cursor per connection
 * (connection_inbound_cursor); a shipment refused (an unknown order, more shipped than ordered) is
 * logged REJECTED with the reason and the rest go on. A vendor failure throws: the cursor stays.
 */
export async function pullInboundGoods(args: GoodsArgs): Promise<InboundGoodsResult> {
  const result: InboundGoodsResult = { levelsChanged: 0, levelsIgnored: 0, shipmentsRecorded: 0, shipmentsRejected: 0 };
  if (args.connector.pullInventory) await pullInventory(args, result);
  if (args.connector.pullShipments) await pullShipments(args, result);
  return result;
}

function contextOf(args: GoodsArgs): ServiceContext {
  return {
    em: args.fork(),
    actor: connectionActor(args.target.connectionId),
    clock: args.clock,
    providers: args.providers,
    logger: args.logger,
  };
}

async function readCursor(em: EntityManager, connectionId: string, kind: string): Promise<string | null> {
  const [row] = await boundRows<{ cursor: string | null }>(
    em,
    `select cursor from connection_inbound_cursor where connection_id = ? and kind = ?`,
    [connectionId, kind],
  );
  return row?.cursor ?? null;
}

/** `onlyForward`: the shipments' cursor is a time and never goes back; the stock cursor is the connector's, taken as it is. */
async function writeCursor(em: EntityManager, connectionId: string, kind: string, cursor: string | null, now: Date, onlyForward: boolean) {
  await boundRows(
    em,
    `insert into connection_inbound_cursor (id, connection_id, kind, cursor, updated_at) values (gen_random_uuid(), ?, ?, ?, ?)
     on conflict (connection_id, kind) do update set cursor = excluded.cursor, updated_at = excluded.updated_at
      ${onlyForward ? 'where connection_inbound_cursor.cursor is null or connection_inbound_cursor.cursor < excluded.cursor' : ''}`,
    [connectionId, kind, cursor, now],
  );
}

async function pullInventory(args: GoodsArgs, result: InboundGoodsResult): Promise<void> {
  const connectionId = args.target.connectionId;
  const since = await readCursor(args.fork(), connectionId, 'inventory');
  const pulled = await args.connector.pullInventory!(args.target, since);
  // Only SKUs of Tariff's PHYSICAL products: setInventoryLevels stores all levels or none, and one
  // material Tariff does not sell must not keep the others from arriving.
  const valid = pulled.levels.filter((l) => typeof l.sku === 'string' && l.sku !== '' && DECIMAL.test(l.available));
  const known = valid.length
    ? new Set(
        (
          await boundRows<{ sku: string }>(args.fork(), `select sku from product where kind = 'PHYSICAL' and sku = any(?::text[])`, [
            valid.map((l) => l.sku),
          ])
        ).map((r) => r.sku),
      )
    : new Set<string>();
  // One level per SKU: the last one the vendor listed (it may list a SKU per plant; the connector sums them).
  const levels = new Map<string, string>();
  for (const l of valid) if (known.has(l.sku)) levels.set(l.sku, l.available);
  result.levelsIgnored += pulled.levels.filter((l) => !(known.has(l.sku) && DECIMAL.test(l.available))).length;
  if (levels.size > 0) {
    try {
      result.levelsChanged += await new InventoryService(contextOf(args)).setLevels(
        // setLevels takes Decimals (input-schema's `decimal`), as the GraphQL scalar gives them.
        [...levels].map(([sku, available]) => ({ sku, available: new Decimal(available) })),
        args.clock.now(),
      );
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      args.logger?.warn({ connectionId, field: err.field ?? null, error: err.message }, 'inbound stock levels refused');
    }
  }
  if (result.levelsIgnored > 0) {
    args.logger?.info(
      { connectionId, ignored: result.levelsIgnored },
      'inbound stock lines without a PHYSICAL product of that SKU left out',
    );
  }
  await writeCursor(args.fork(), connectionId, 'inventory', pulled.cursor, args.clock.now(), false);
}

async function pullShipments(args: GoodsArgs, result: InboundGoodsResult): Promise<void> {
  const connectionId = args.target.connectionId;
  const since = await readCursor(args.fork(), connectionId, 'shipments');
  const shipments = await args.connector.pullShipments!(args.target, since);
  for (const shipment of shipments) {
    const status = await takeShipment(args, shipment);
    if (status === ConnectionShipmentStatus.RECORDED) result.shipmentsRecorded++;
    else if (status === ConnectionShipmentStatus.REJECTED) result.shipmentsRejected++;
    await writeCursor(args.fork(), connectionId, 'shipments', shipment.modifiedAt, args.clock.now(), true);
  }
}

/** Records one shipment, or logs why not; null when it was taken before (a replay, or a refused version read again unchanged). */
async function takeShipment(args: GoodsArgs, s: InboundShipment): Promise<ConnectionShipmentStatus | null> {
  const connectionId = args.target.connectionId;
  const em = args.fork();
  const [seen] = await boundRows<{ status: ConnectionShipmentStatus; modified_at: string }>(
    em,
    `select status, modified_at from connection_inbound_shipment where connection_id = ? and external_id = ?`,
    [connectionId, s.externalId],
  );
  if (seen && (seen.status === ConnectionShipmentStatus.RECORDED || seen.modified_at === s.modifiedAt)) return null;
  const log = (status: ConnectionShipmentStatus, shipmentId: string | null, message: string | null) =>
    boundRows(
      args.fork(),
      `insert into connection_inbound_shipment (id, connection_id, external_id, status, modified_at, shipment_id, message, updated_at)
       values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?)
       on conflict (connection_id, external_id) do update
          set status = excluded.status, modified_at = excluded.modified_at, shipment_id = excluded.shipment_id,
              message = excluded.message, updated_at = excluded.updated_at`,
      [connectionId, s.externalId, status, s.modifiedAt, shipmentId, message, args.clock.now()],
    );
  const reject = async (message: string) => {
    await log(ConnectionShipmentStatus.REJECTED, null, message.slice(0, 2000));
    args.logger?.warn({ connectionId, shipment: s.externalId, reason: message }, 'inbound shipment not recorded');
    return ConnectionShipmentStatus.REJECTED;
  };
  const [order] = await boundRows<{ tariff_id: string }>(
    em,
    `select tariff_id from connection_record where connection_id = ? and record_type = 'order' and external_id = ?`,
    [connectionId, s.orderExternalId],
  );
  if (!order) return reject(`no Tariff order of this connection is '${s.orderExternalId}' on the vendor side`);
  const bad = s.lines.findIndex((l) => !DECIMAL.test(l.quantity));
  if (bad >= 0) return reject(`lines[${bad}].quantity: '${s.lines[bad].quantity}' is not a decimal quantity`);
  const shippedAt = new Date(s.shippedAt);
  try {
    const shipment = await new OrderFulfilmentService(contextOf(args)).recordShipment({
      orderId: order.tariff_id,
      externalId: s.externalId,
      carrier: s.carrier,
      trackingNumber: s.trackingNumber,
      shippedAt,
      lines: s.lines.map((l) => ({ sku: l.sku, quantity: new Decimal(l.quantity) })),
    });
    await log(ConnectionShipmentStatus.RECORDED, shipment.id, null);
    return ConnectionShipmentStatus.RECORDED;
  } catch (err) {
    if (err instanceof DomainError) return reject(`${err.field ? `${err.field}: ` : ''}${err.message}`);
    throw err;
  }
}
