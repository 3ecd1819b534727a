import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import type { Logger } from '../../logger';
import { Role, type Actor } from '../auth/actor';
import { DomainError } from '../errors';
import type { PaymentProviders } from '../payments/providers';
import { QuoteLifecycleService } from '../quotes/quote-lifecycle.service';
import { QuoteService } from '../quotes/quote.service';
import { CollectionMethod } from '../subscriptions/subscription.entity';
import { Decimal } from '../../pricing/decimal';
import type { Clock } from '../shared/clock';
import { ConnectionInboundStatus } from './connection.entity';
import type { Connector, ConnectorTarget, InboundDeal } from './connector';

/** Who makes the quotes of a connection: an ADMIN actor named after it, as the CLIs have theirs. */
export function connectionActor(connectionId: string): Actor {
  return { keyId: `connection:${connectionId}`, name: `connection ${connectionId} (inbound)`, role: Role.ADMIN, customerId: null };
}

export interface InboundSettings {
  /** The stage a deal is won in (HubSpot: `closedwon` in the default pipeline). */
  closedWonStage: string;
  /** Accept the quote at once, which creates the subscription. */
  accept: boolean;
  /** The deal property holding the buyer's purchase order number. */
  purchaseOrderProperty: string;
}

/** `settings.inbound`, or null when inbound is off (the default). */
export function inboundSettingsOf(settings: Record<string, unknown>): InboundSettings | null {
  const inbound = settings.inbound as Record<string, unknown> | undefined;
  if (!inbound || typeof inbound !== 'object' || typeof inbound.closedWonStage !== 'string') return null;
  return {
    closedWonStage: inbound.closedWonStage,
    accept: inbound.accept === true,
    purchaseOrderProperty:
      typeof inbound.purchaseOrderProperty === 'string' ? inbound.purchaseOrderProperty : 'tariff_purchase_order_number',
  };
}

/**
 * Inbound: reads the deals won since the connection's inbound cursor and makes a quote of each
 * (docs/connectors.md): its customer is the one whose company the deal is associated with (by
 * the sync log), its lines the deal's line items whose SKU is a Tariff price code, or a product
 * SKU with a current price in the deal's currency; its purchase order number the deal's. Accepted
 * at once when the settings say so. One row per deal in connection_inbound: a deal read again
 * never makes a second quote; a SKIPPED one is looked at again when it changes.
 */
export async function pullInbound(args: {
  fork: () => EntityManager;
  clock: Clock;
  providers: PaymentProviders;
  connector: Connector;
  target: ConnectorTarget;
  logger?: Logger;
}): Promise<{ quotes: number; skipped: number }> {
  const { connector, target } = args;
  const result = { quotes: 0, skipped: 0 };
  if (!connector.pullClosedWon || !inboundSettingsOf(target.settings)) return result;
  const [row] = await boundRows<{ inbound_cursor: string | null }>(args.fork(), `select inbound_cursor from connection where id = ?`, [
    target.connectionId,
  ]);
  const deals = await connector.pullClosedWon(target, row?.inbound_cursor ?? null);
  for (const deal of deals) {
    const outcome = await takeDeal(args, deal);
    if (outcome === ConnectionInboundStatus.SKIPPED) result.skipped++;
    else if (outcome !== null) result.quotes++;
    await boundRows(
      args.fork(),
      `update connection set inbound_cursor = ? where id = ? and (inbound_cursor is null or inbound_cursor < ?)`,
      [deal.modifiedAt, target.connectionId, deal.modifiedAt],
    );
  }
  return result;
}

async function takeDeal(
  args: { fork: () => EntityManager; clock: Clock; providers: PaymentProviders; target: ConnectorTarget; logger?: Logger },
  deal: InboundDeal,
): Promise<ConnectionInboundStatus | null> {
  const connectionId = args.target.connectionId;
  const settings = inboundSettingsOf(args.target.settings)!;
  const em = args.fork();
  const [seen] = await boundRows<{ status: ConnectionInboundStatus }>(
    em,
    `select status from connection_inbound where connection_id = ? and external_id = ?`,
    [connectionId, deal.externalId],
  );
  if (seen && seen.status !== ConnectionInboundStatus.SKIPPED) return null;
  const skip = async (message: string) => {
    await record(args.fork(), connectionId, deal.externalId, ConnectionInboundStatus.SKIPPED, null, null, message, args.clock.now());
    args.logger?.info({ connectionId, dealId: deal.externalId, reason: message }, 'closed-won deal not turned into a quote');
    return ConnectionInboundStatus.SKIPPED;
  };
  const [customer] = deal.companyExternalId
    ? await boundRows<{ id: string; currency: string }>(
        em,
        `select c.id, c.currency from connection_record r join customer c on c.id = r.tariff_id
          where r.connection_id = ? and r.record_type = 'customer' and r.external_id = ?`,
        [connectionId, deal.companyExternalId],
      )
    : [];
  if (!customer) return skip('the deal has no company that is a Tariff customer of this connection');
  const currency = (deal.currency ?? customer.currency).toUpperCase();
  const lines: { priceCode: string; quantity: Decimal }[] = [];
  for (const line of deal.lines) {
    const [price] = await boundRows<{ code: string }>(
      em,
      `select p.code from price p left join product pr on pr.id = p.product_id
        where p.is_current and p.currency = ? and (p.code = ? or pr.sku = ?)
        order by (p.code = ?) desc, p.code limit 1`,
      [currency, line.code, line.code, line.code],
    );
    if (price) lines.push({ priceCode: price.code, quantity: new Decimal(line.quantity || '1') });
  }
  if (lines.length === 0) return skip(`no line item's SKU is a Tariff price code or product SKU in ${currency}`);
  const contactId = deal.contact
    ? ((
        await boundRows<{ id: string }>(
          em,
          `select ct.id from contact ct where ct.customer_id = ? and ct.archived_at is null
              and (ct.id in (select r.tariff_id from connection_record r where r.connection_id = ? and r.record_type = 'contact' and r.external_id = ?)
                   or lower(ct.email) = lower(?))
            limit 1`,
          [customer.id, connectionId, deal.contact.externalId, deal.contact.email ?? ''],
        )
      )[0]?.id ?? null)
    : null;
  const ctx = { em: args.fork(), actor: connectionActor(connectionId), clock: args.clock, providers: args.providers, logger: args.logger };
  try {
    const quote = await new QuoteService(ctx).create({
      customerId: customer.id,
      currency,
      lines,
      purchaseOrderNumber: deal.purchaseOrderNumber,
      // A deal won in a CRM is paid by invoice unless the customer's terms say otherwise later.
      collection: CollectionMethod.SEND_INVOICE,
    });
    let status = ConnectionInboundStatus.QUOTED;
    // Recorded before accepting: a failed acceptance leaves the quote, never a second one.
    await record(args.fork(), connectionId, deal.externalId, status, quote.id, contactId, null, args.clock.now());
    if (settings.accept) {
      const lifecycle = new QuoteLifecycleService({ ...ctx, em: args.fork() });
      await lifecycle.send(quote.id);
      await lifecycle.accept(quote.id);
      status = ConnectionInboundStatus.ACCEPTED;
      await record(args.fork(), connectionId, deal.externalId, status, quote.id, contactId, null, args.clock.now());
    }
    return status;
  } catch (err) {
    if (err instanceof DomainError) return skip(`${err.field ? `${err.field}: ` : ''}${err.message}`);
    throw err;
  }
}

async function record(
  em: EntityManager,
  connectionId: string,
  externalId: string,
  status: ConnectionInboundStatus,
  quoteId: string | null,
  contactId: string | null,
  message: string | null,
  now: Date,
): Promise<void> {
  await boundRows(
    em,
    `insert into connection_inbound (id, connection_id, external_id, status, quote_id, contact_id, message, updated_at)
     values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?)
     on conflict (connection_id, external_id) do update
        set status = excluded.status, quote_id = coalesce(excluded.quote_id, connection_inbound.quote_id),
            contact_id = coalesce(excluded.contact_id, connection_inbound.contact_id), message = excluded.message, updated_at = excluded.updated_at`,
    [connectionId, externalId, status, quoteId, contactId, message, now],
  );
}
