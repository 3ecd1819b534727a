import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { EInvoice, EInvoiceParty } from './e-invoice';
import { amountText, eInvoiceTotals, inclusiveEnd, isoDate, linePricing, numberText, SPECIFICATION_IDS } from './e-invoice';

const NS = {
  INVOICE: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  CREDIT_NOTE: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
};

/** "One" (UN/ECE Recommendation 20): a subscription, a seat, a unit of usage. */
const UNIT = 'C62';

function text(parent: XMLBuilder, name: string, value: string | null | undefined, attributes?: Record<string, string>): void {
  if (value !== null && value !== undefined && value !== '') parent.ele(name, attributes).txt(value);
}

function party(parent: XMLBuilder, p: EInvoiceParty): void {
  const node = parent.ele('cac:Party');
  if (p.tradingName) node.ele('cac:PartyName').ele('cbc:Name').txt(p.tradingName);
  const address = node.ele('cac:PostalAddress');
  text(address, 'cbc:StreetName', p.address.line1);
  text(address, 'cbc:AdditionalStreetName', p.address.line2);
  text(address, 'cbc:CityName', p.address.city);
  text(address, 'cbc:PostalZone', p.address.postalCode);
  text(address, 'cbc:CountrySubentity', p.address.region);
  address.ele('cac:Country').ele('cbc:IdentificationCode').txt(p.address.country);
  if (p.vatId) {
    const scheme = node.ele('cac:PartyTaxScheme');
    scheme.ele('cbc:CompanyID').txt(p.vatId);
    scheme.ele('cac:TaxScheme').ele('cbc:ID').txt('VAT');
  }
  const legal = node.ele('cac:PartyLegalEntity');
  legal.ele('cbc:RegistrationName').txt(p.legalName);
  text(legal, 'cbc:CompanyID', p.registrationNumber);
  if (p.email) node.ele('cac:Contact').ele('cbc:ElectronicMail').txt(p.email);
}

/** The document as UBL 2.1 (an Invoice, or a CreditNote), elements in the schema's order. */
export function renderUbl(doc: EInvoice): string {
  const credit = doc.kind === 'CREDIT_NOTE';
  const totals = eInvoiceTotals(doc);
  const money = (v: Parameters<typeof amountText>[0]) => amountText(v, doc.currency);
  const cur = { currencyID: doc.currency };
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(credit ? NS.CREDIT_NOTE : NS.INVOICE, credit ? 'CreditNote' : 'Invoice', {
    'xmlns:cac': NS.cac,
    'xmlns:cbc': NS.cbc,
  });
  root.ele('cbc:CustomizationID').txt(SPECIFICATION_IDS[doc.specification]);
  root.ele('cbc:ID').txt(doc.number);
  root.ele('cbc:IssueDate').txt(isoDate(doc.issueDate));
  if (!credit && doc.dueDate) root.ele('cbc:DueDate').txt(isoDate(doc.dueDate));
  root.ele(credit ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode').txt(credit ? '381' : '380');
  for (const note of doc.notes) root.ele('cbc:Note').txt(note);
  root.ele('cbc:DocumentCurrencyCode').txt(doc.currency);
  if (doc.periodStart && doc.periodEnd) {
    const period = root.ele('cac:InvoicePeriod');
    period.ele('cbc:StartDate').txt(isoDate(doc.periodStart));
    period.ele('cbc:EndDate').txt(isoDate(inclusiveEnd(doc.periodStart, doc.periodEnd)));
  }
  if (doc.purchaseOrderReference) root.ele('cac:OrderReference').ele('cbc:ID').txt(doc.purchaseOrderReference);
  if (doc.precedingInvoice) {
    const ref = root.ele('cac:BillingReference').ele('cac:InvoiceDocumentReference');
    ref.ele('cbc:ID').txt(doc.precedingInvoice.number);
    ref.ele('cbc:IssueDate').txt(isoDate(doc.precedingInvoice.issueDate));
  }
  party(root.ele('cac:AccountingSupplierParty'), doc.seller);
  party(root.ele('cac:AccountingCustomerParty'), doc.buyer);
  if (doc.payment) {
    const means = root.ele('cac:PaymentMeans');
    means.ele('cbc:PaymentMeansCode').txt('58');
    means.ele('cbc:PaymentID').txt(doc.payment.reference);
    const account = means.ele('cac:PayeeFinancialAccount');
    account.ele('cbc:ID').txt(doc.payment.iban);
    if (doc.payment.bic) account.ele('cac:FinancialInstitutionBranch').ele('cbc:ID').txt(doc.payment.bic);
  }
  root.ele('cac:PaymentTerms').ele('cbc:Note').txt(doc.paymentTerms);
  const taxTotal = root.ele('cac:TaxTotal');
  taxTotal.ele('cbc:TaxAmount', cur).txt(money(totals.taxTotal));
  for (const group of totals.breakdown) {
    const sub = taxTotal.ele('cac:TaxSubtotal');
    sub.ele('cbc:TaxableAmount', cur).txt(money(group.taxableAmount));
    sub.ele('cbc:TaxAmount', cur).txt(money(group.taxAmount));
    const category = sub.ele('cac:TaxCategory');
    category.ele('cbc:ID').txt(group.category);
    category.ele('cbc:Percent').txt(numberText(group.rate));
    text(category, 'cbc:TaxExemptionReasonCode', group.exemptionReasonCode);
    text(category, 'cbc:TaxExemptionReason', group.exemptionReason);
    category.ele('cac:TaxScheme').ele('cbc:ID').txt('VAT');
  }
  const monetary = root.ele('cac:LegalMonetaryTotal');
  monetary.ele('cbc:LineExtensionAmount', cur).txt(money(totals.lineTotal));
  monetary.ele('cbc:TaxExclusiveAmount', cur).txt(money(totals.taxExclusive));
  monetary.ele('cbc:TaxInclusiveAmount', cur).txt(money(totals.taxInclusive));
  monetary.ele('cbc:PayableAmount', cur).txt(money(totals.payable));
  for (const line of doc.lines) {
    const { quantity, price, baseQuantity } = linePricing(line);
    const node = root.ele(credit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine');
    node.ele('cbc:ID').txt(line.id);
    node.ele(credit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity', { unitCode: UNIT }).txt(numberText(quantity));
    node.ele('cbc:LineExtensionAmount', cur).txt(money(line.amount));
    if (line.periodStart && line.periodEnd) {
      const period = node.ele('cac:InvoicePeriod');
      period.ele('cbc:StartDate').txt(isoDate(line.periodStart));
      period.ele('cbc:EndDate').txt(isoDate(inclusiveEnd(line.periodStart, line.periodEnd)));
    }
    if (line.orderReference) {
      // BT-132 (LineID, mandatory in UBL): Tariff knows the order, not its line, so the order's number; the order itself beside it.
      const ref = node.ele('cac:OrderLineReference');
      ref.ele('cbc:LineID').txt(line.orderReference);
      ref.ele('cac:OrderReference').ele('cbc:ID').txt(line.orderReference);
    }
    const item = node.ele('cac:Item');
    item.ele('cbc:Name').txt(line.name);
    if (line.sellerItemId) item.ele('cac:SellersItemIdentification').ele('cbc:ID').txt(line.sellerItemId);
    const category = item.ele('cac:ClassifiedTaxCategory');
    category.ele('cbc:ID').txt(line.category);
    category.ele('cbc:Percent').txt(numberText(line.rate));
    category.ele('cac:TaxScheme').ele('cbc:ID').txt('VAT');
    const priceNode = node.ele('cac:Price');
    // A price carries up to 12 decimals in Tariff; here it is the line's amount, so the currency's.
    priceNode.ele('cbc:PriceAmount', cur).txt(money(price));
    priceNode.ele('cbc:BaseQuantity', { unitCode: UNIT }).txt(numberText(baseQuantity));
  }
  return root.end({ prettyPrint: true });
}
