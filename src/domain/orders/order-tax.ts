import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { Decimal } from '../../pricing/decimal';
import { TaxStatus } from '../customers/customer.entity';
import { readSellerSettings, type SellerSettingsView } from '../settings/seller-settings.service';

/** A tax treatment in the customer's own terms (status and rate), so taxOf and taxCategoryOf apply to it unchanged. */
export interface OrderTax {
  taxStatus: TaxStatus;
  taxRate: Decimal | null;
}

/** What of the buyer decides an order's tax: its own treatment, and its VAT id. */
export interface OrderBuyer extends OrderTax {
  vatId: string | null;
}

/** The member states of the EU (ISO 3166-1 alpha-2), between which a supply of goods to a VAT-registered buyer is reverse charged. */
// prettier-ignore
const EU = new Set([
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL',
  'PT', 'RO', 'SE', 'SI', 'SK',
]);

/** The country a VAT id is of, by its prefix (Greece's ids say EL). */
function vatCountry(vatId: string): string {
  const prefix = vatId.slice(0, 2).toUpperCase();
  return prefix === 'EL' ? 'GR' : prefix;
}

/**
 * The tax of an order shipped to `shipTo` (the location's country), when the seller taxes orders
 * by ship-to (docs/legal-identity.md, "Tax by ship-to"); else the customer's own treatment:
 *  1. an EXEMPT customer stays exempt wherever the goods go (the exemption is the buyer's);
 *  2. a delivery within the seller's country is TAXABLE at the seller's domesticTaxRate, whatever
 *     the customer's status (no reverse charge for a domestic supply);
 *  3. a delivery from an EU seller to another EU country, for a buyer with a VAT id of an EU
 *     country other than the seller's, is REVERSE_CHARGE (intra-community supply);
 *  4. anything else (an export out of the EU, a buyer without such a VAT id) keeps the
 *     customer's own treatment: Tariff decides no export zero-rating nor distance-sales VAT.
 */
export function shipToTax(
  buyer: OrderBuyer,
  shipTo: string,
  seller: Pick<SellerSettingsView, 'taxByShipTo' | 'domesticTaxRate' | 'address'>,
): OrderTax {
  const own = { taxStatus: buyer.taxStatus, taxRate: buyer.taxRate };
  const home = seller.address?.country ?? null;
  if (!seller.taxByShipTo || home === null || seller.domesticTaxRate === null) return own;
  if (buyer.taxStatus === TaxStatus.EXEMPT) return own;
  if (shipTo === home) return { taxStatus: TaxStatus.TAXABLE, taxRate: seller.domesticTaxRate };
  const registered = buyer.vatId !== null && EU.has(vatCountry(buyer.vatId)) && vatCountry(buyer.vatId) !== home;
  if (EU.has(home) && EU.has(shipTo) && registered) return { taxStatus: TaxStatus.REVERSE_CHARGE, taxRate: null };
  return own;
}

/** Decides the tax of orders by (customer, location): null for every one while the seller does not tax by ship-to. */
export type OrderTaxes = (customerId: string, locationId: string) => OrderTax | null;

/** The tax of each (customer, location) given, in two statements; nothing read while taxByShipTo is off. */
export async function orderTaxes(em: EntityManager, orders: readonly { customerId: string; locationId: string }[]): Promise<OrderTaxes> {
  const seller = await readSellerSettings(em);
  if (!seller.taxByShipTo || orders.length === 0) return () => null;
  const customers = await boundRows<{ id: string; tax_status: TaxStatus; tax_rate: string | null; vat_id: string | null }>(
    em,
    'select id, tax_status, tax_rate::text as tax_rate, vat_id from customer where id = any(?::uuid[])',
    [[...new Set(orders.map((o) => o.customerId))]],
  );
  const locations = await boundRows<{ id: string; country: string }>(
    em,
    `select id, address->>'country' as country from location where id = any(?::uuid[])`,
    [[...new Set(orders.map((o) => o.locationId))]],
  );
  const buyers = new Map(
    customers.map((c) => [
      c.id,
      { taxStatus: c.tax_status, taxRate: c.tax_rate === null ? null : new Decimal(c.tax_rate), vatId: c.vat_id },
    ]),
  );
  const countries = new Map(locations.map((l) => [l.id, l.country]));
  return (customerId, locationId) => {
    const buyer = buyers.get(customerId);
    const country = countries.get(locationId);
    return buyer && country ? shipToTax(buyer, country, seller) : null;
  };
}
