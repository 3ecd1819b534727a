import type { ShipToAddress, SyncItem } from '../../domain/connectors/connector';
import { edmDateTime } from './sap.client';

/** A connection's settings for S/4HANA (docs/connectors.md, SAP): the sales area its orders go to, and what it reads back. */
export interface SapSettings {
  salesOrganization: string;
  distributionChannel: string;
  organizationDivision: string;
  /** Default `OR` (standard order). */
  salesOrderType: string;
  /** The business partner grouping (number range) of the partners Tariff creates; the tenant's default when absent. */
  businessPartnerGrouping: string | null;
  /** The external id system whose ids on a Tariff location are SAP ship-to parties (default `SAP_S4HANA`). */
  shipToSystem: string;
  /** Read unrestricted stock (API_MATERIAL_STOCK_SRV) into setInventoryLevels, from this plant only when given. */
  inventory: boolean;
  plant: string | null;
  /** Minutes between two stock reads (default 15; the API has no change date to ask for the changes only). */
  stockIntervalMinutes: number;
  /** Read outbound deliveries with goods issue posted (API_OUTBOUND_DELIVERY_SRV) into recordShipment. */
  shipments: boolean;
}

export const SAP_FIELDS = ['salesOrganization', 'distributionChannel', 'organizationDivision'] as const;

export function sapSettingsOf(settings: Record<string, unknown>): SapSettings {
  const text = (k: string) => (typeof settings[k] === 'string' && settings[k] !== '' ? (settings[k] as string) : null);
  return {
    salesOrganization: text('salesOrganization') ?? '',
    distributionChannel: text('distributionChannel') ?? '',
    organizationDivision: text('organizationDivision') ?? '',
    salesOrderType: text('salesOrderType') ?? 'OR',
    businessPartnerGrouping: text('businessPartnerGrouping'),
    shipToSystem: text('shipToSystem') ?? 'SAP_S4HANA',
    inventory: settings.inventory === true,
    plant: text('plant'),
    stockIntervalMinutes:
      typeof settings.stockIntervalMinutes === 'number' && settings.stockIntervalMinutes >= 0 ? settings.stockIntervalMinutes : 15,
    shipments: settings.shipments === true,
  };
}

/** Up to `n` characters: SAP refuses a longer value (the EDMX's MaxLength) rather than cutting it. */
const cut = (s: string | null | undefined, n: number) => (s == null ? undefined : s.slice(0, n));

/**
 * The key Tariff finds its business partner by after a crash between SAP's answer and the log
 * (`BusinessPartnerIDByExtSystem`, 20 characters, upper case): the customer id's first 20 hex digits.
 */
export function partnerKeyOf(customerId: string): string {
  return customerId.replace(/-/g, '').slice(0, 20).toUpperCase();
}

function addressOf(a: ShipToAddress | null | undefined) {
  if (!a) return undefined;
  return {
    StreetName: cut([a.line1, a.line2].filter(Boolean).join(', '), 60),
    CityName: cut(a.city, 40),
    PostalCode: cut(a.postalCode ?? undefined, 10),
    Region: cut(a.region ?? undefined, 3),
    Country: cut(a.country.toUpperCase(), 3),
  };
}

/** A_BusinessPartner, a deep insert: an organization (category 2) with the customer role FLCU01, its billing address, e-mail and VAT number. */
export function businessPartnerOf(item: SyncItem, settings: SapSettings): Record<string, unknown> {
  const c = item.event.payload as {
    name: string;
    email: string;
    billingAddress?: ShipToAddress | null;
    vatId?: string | null;
  };
  const address = addressOf(c.billingAddress);
  const country = address?.Country;
  return {
    BusinessPartnerCategory: '2',
    ...(settings.businessPartnerGrouping ? { BusinessPartnerGrouping: settings.businessPartnerGrouping } : {}),
    OrganizationBPName1: cut(c.name, 40),
    ...(c.name.length > 40 ? { OrganizationBPName2: cut(c.name.slice(40), 40) } : {}),
    SearchTerm1: cut(c.name.toUpperCase(), 20),
    BusinessPartnerIDByExtSystem: partnerKeyOf(item.tariffId),
    to_BusinessPartnerRole: [{ BusinessPartnerRole: 'FLCU01' }],
    ...(address
      ? { to_BusinessPartnerAddress: [{ ...address, to_EmailAddress: [{ EmailAddress: cut(c.email, 241), IsDefaultEmailAddress: true }] }] }
      : {}),
    // SAP's tax number category for a VAT registration number is the country and 0 (DE0, FR0, …).
    ...(c.vatId && country ? { to_BusinessPartnerTax: [{ BPTaxType: `${country}0`, BPTaxNumber: cut(c.vatId, 20) }] } : {}),
  };
}

/** What Tariff keeps up to date on a business partner it created: the name (the address is SAP's once created, docs). */
export function businessPartnerUpdateOf(item: SyncItem): Record<string, unknown> {
  const name = String((item.event.payload as { name: string }).name);
  return { OrganizationBPName1: cut(name, 40), SearchTerm1: cut(name.toUpperCase(), 20) };
}

interface OrderPayload {
  number: string;
  placedAt: string | null;
  scheduledFor: string;
  purchaseOrderNumber: string | null;
  currency: string;
  lines: { sku: string; priceCode: string; quantity: string }[];
}

/**
 * A_SalesOrder, a deep insert with its items and the ship-to partner (WE): the location's SAP
 * ship-to party when the location carries one (an external id of `settings.shipToSystem`), else the
 * sold-to party with the location's address on the partner. `PurchaseOrderByCustomer` is the PO
 * number (else the order's number); `AssignmentReference` the order's number, which finds the
 * sales order again after a crash.
 */
export function salesOrderOf(item: SyncItem, settings: SapSettings): Record<string, unknown> {
  const o = item.event.payload as unknown as OrderPayload;
  const soldTo = item.customerExternalId!;
  const shipToParty = item.shipTo?.externalIds.find((x) => x.system === settings.shipToSystem)?.id;
  const shipTo = shipToParty
    ? { PartnerFunction: 'WE', Customer: shipToParty }
    : {
        PartnerFunction: 'WE',
        Customer: soldTo,
        ...(item.shipTo ? { to_Address: [{ OrganizationName1: cut(item.shipTo.name, 40), ...addressOf(item.shipTo.address) }] } : {}),
      };
  return {
    SalesOrderType: settings.salesOrderType,
    SalesOrganization: settings.salesOrganization,
    DistributionChannel: settings.distributionChannel,
    OrganizationDivision: settings.organizationDivision,
    SoldToParty: soldTo,
    PurchaseOrderByCustomer: cut(o.purchaseOrderNumber ?? o.number, 35),
    AssignmentReference: cut(o.number, 18),
    CustomerPurchaseOrderDate: edmDateTime(new Date(o.placedAt ?? o.scheduledFor)),
    RequestedDeliveryDate: edmDateTime(new Date(o.scheduledFor)),
    TransactionCurrency: o.currency,
    to_Partner: [shipTo],
    to_Item: o.lines.map((l, i) => ({
      SalesOrderItem: String((i + 1) * 10),
      Material: cut(l.sku, 40),
      RequestedQuantity: l.quantity,
      SalesOrderItemText: cut(l.priceCode, 40),
    })),
  };
}

/** What a later version of a placed order changes on its sales order: the PO number (the rest is SAP's once the order is there, docs). */
export function salesOrderUpdateOf(item: SyncItem): Record<string, unknown> {
  const o = item.event.payload as unknown as OrderPayload;
  return { PurchaseOrderByCustomer: cut(o.purchaseOrderNumber ?? o.number, 35) };
}
