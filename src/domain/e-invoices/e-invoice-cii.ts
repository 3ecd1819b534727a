import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { EInvoice, EInvoiceParty } from './e-invoice';
import { amountText, compactDate, eInvoiceTotals, inclusiveEnd, linePricing, numberText, SPECIFICATION_IDS } from './e-invoice';

const NS = {
  rsm: 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
  ram: 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
  qdt: 'urn:un:unece:uncefact:data:standard:QualifiedDataType:100',
  udt: 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100',
};

const UNIT = 'C62';

function text(parent: XMLBuilder, name: string, value: string | null | undefined, attributes?: Record<string, string>): void {
  if (value !== null && value !== undefined && value !== '') parent.ele(name, attributes).txt(value);
}

function dateTime(parent: XMLBuilder, name: string, at: Date): void {
  parent.ele(name).ele('udt:DateTimeString', { format: '102' }).txt(compactDate(at));
}

function party(parent: XMLBuilder, name: string, p: EInvoiceParty): void {
  const node = parent.ele(name);
  node.ele('ram:Name').txt(p.legalName);
  if (p.registrationNumber || p.tradingName) {
    const legal = node.ele('ram:SpecifiedLegalOrganization');
    text(legal, 'ram:ID', p.registrationNumber);
    text(legal, 'ram:TradingBusinessName', p.tradingName);
  }
  const address = node.ele('ram:PostalTradeAddress');
  text(address, 'ram:PostcodeCode', p.address.postalCode);
  text(address, 'ram:LineOne', p.address.line1);
  text(address, 'ram:LineTwo', p.address.line2);
  text(address, 'ram:CityName', p.address.city);
  address.ele('ram:CountryID').txt(p.address.country);
  text(address, 'ram:CountrySubDivisionName', p.address.region);
  if (p.email) node.ele('ram:URIUniversalCommunication').ele('ram:URIID', { schemeID: 'EM' }).txt(p.email);
  if (p.vatId) node.ele('ram:SpecifiedTaxRegistration').ele('ram:ID', { schemeID: 'VA' }).txt(p.vatId);
}

function period(parent: XMLBuilder, start: Date, end: Date): void {
  const node = parent.ele('ram:BillingSpecifiedPeriod');
  dateTime(node, 'ram:StartDateTime', start);
  dateTime(node, 'ram:EndDateTime', inclusiveEnd(start, end));
}

/** The document as UN/CEFACT Cross Industry Invoice D16B (380 invoice, 381 credit note), elements in the schema's order. */
export function renderCii(doc: EInvoice): string {
  const totals = eInvoiceTotals(doc);
  const money = (v: Parameters<typeof amountText>[0]) => amountText(v, doc.currency);
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(NS.rsm, 'rsm:CrossIndustryInvoice', {
    'xmlns:ram': NS.ram,
    'xmlns:qdt': NS.qdt,
    'xmlns:udt': NS.udt,
  });
  root
    .ele('rsm:ExchangedDocumentContext')
    .ele('ram:GuidelineSpecifiedDocumentContextParameter')
    .ele('ram:ID')
    .txt(SPECIFICATION_IDS[doc.specification]);
  const header = root.ele('rsm:ExchangedDocument');
  header.ele('ram:ID').txt(doc.number);
  header.ele('ram:TypeCode').txt(doc.kind === 'CREDIT_NOTE' ? '381' : '380');
  dateTime(header, 'ram:IssueDateTime', doc.issueDate);
  for (const note of doc.notes) header.ele('ram:IncludedNote').ele('ram:Content').txt(note);

  const transaction = root.ele('rsm:SupplyChainTradeTransaction');
  for (const line of doc.lines) {
    const { quantity, price, baseQuantity } = linePricing(line);
    const item = transaction.ele('ram:IncludedSupplyChainTradeLineItem');
    item.ele('ram:AssociatedDocumentLineDocument').ele('ram:LineID').txt(line.id);
    const product = item.ele('ram:SpecifiedTradeProduct');
    text(product, 'ram:SellerAssignedID', line.sellerItemId);
    product.ele('ram:Name').txt(line.name);
    const agreement = item.ele('ram:SpecifiedLineTradeAgreement');
    if (line.orderReference) {
      // BT-132: Tariff knows the order, not its line, so the order's number in both.
      const ref = agreement.ele('ram:BuyerOrderReferencedDocument');
      ref.ele('ram:IssuerAssignedID').txt(line.orderReference);
      ref.ele('ram:LineID').txt(line.orderReference);
    }
    const netPrice = agreement.ele('ram:NetPriceProductTradePrice');
    netPrice.ele('ram:ChargeAmount').txt(money(price));
    netPrice.ele('ram:BasisQuantity', { unitCode: UNIT }).txt(numberText(baseQuantity));
    item.ele('ram:SpecifiedLineTradeDelivery').ele('ram:BilledQuantity', { unitCode: UNIT }).txt(numberText(quantity));
    const settlement = item.ele('ram:SpecifiedLineTradeSettlement');
    const tax = settlement.ele('ram:ApplicableTradeTax');
    tax.ele('ram:TypeCode').txt('VAT');
    tax.ele('ram:CategoryCode').txt(line.category);
    tax.ele('ram:RateApplicablePercent').txt(numberText(line.rate));
    if (line.periodStart && line.periodEnd) period(settlement, line.periodStart, line.periodEnd);
    settlement.ele('ram:SpecifiedTradeSettlementLineMonetarySummation').ele('ram:LineTotalAmount').txt(money(line.amount));
  }

  const agreement = transaction.ele('ram:ApplicableHeaderTradeAgreement');
  party(agreement, 'ram:SellerTradeParty', doc.seller);
  party(agreement, 'ram:BuyerTradeParty', doc.buyer);
  if (doc.purchaseOrderReference)
    agreement.ele('ram:BuyerOrderReferencedDocument').ele('ram:IssuerAssignedID').txt(doc.purchaseOrderReference);
  transaction.ele('ram:ApplicableHeaderTradeDelivery');

  const settlement = transaction.ele('ram:ApplicableHeaderTradeSettlement');
  if (doc.payment) settlement.ele('ram:PaymentReference').txt(doc.payment.reference);
  settlement.ele('ram:InvoiceCurrencyCode').txt(doc.currency);
  if (doc.payment) {
    const means = settlement.ele('ram:SpecifiedTradeSettlementPaymentMeans');
    means.ele('ram:TypeCode').txt('58');
    means.ele('ram:PayeePartyCreditorFinancialAccount').ele('ram:IBANID').txt(doc.payment.iban);
    if (doc.payment.bic) means.ele('ram:PayeeSpecifiedCreditorFinancialInstitution').ele('ram:BICID').txt(doc.payment.bic);
  }
  for (const group of totals.breakdown) {
    const tax = settlement.ele('ram:ApplicableTradeTax');
    tax.ele('ram:CalculatedAmount').txt(money(group.taxAmount));
    tax.ele('ram:TypeCode').txt('VAT');
    text(tax, 'ram:ExemptionReason', group.exemptionReason);
    tax.ele('ram:BasisAmount').txt(money(group.taxableAmount));
    tax.ele('ram:CategoryCode').txt(group.category);
    text(tax, 'ram:ExemptionReasonCode', group.exemptionReasonCode);
    tax.ele('ram:RateApplicablePercent').txt(numberText(group.rate));
  }
  if (doc.periodStart && doc.periodEnd) period(settlement, doc.periodStart, doc.periodEnd);
  const terms = settlement.ele('ram:SpecifiedTradePaymentTerms');
  terms.ele('ram:Description').txt(doc.paymentTerms);
  if (doc.kind === 'INVOICE' && doc.dueDate) dateTime(terms, 'ram:DueDateDateTime', doc.dueDate);
  const sums = settlement.ele('ram:SpecifiedTradeSettlementHeaderMonetarySummation');
  sums.ele('ram:LineTotalAmount').txt(money(totals.lineTotal));
  sums.ele('ram:TaxBasisTotalAmount').txt(money(totals.taxExclusive));
  sums.ele('ram:TaxTotalAmount', { currencyID: doc.currency }).txt(money(totals.taxTotal));
  sums.ele('ram:GrandTotalAmount').txt(money(totals.taxInclusive));
  sums.ele('ram:DuePayableAmount').txt(money(totals.payable));
  if (doc.precedingInvoice) {
    const ref = settlement.ele('ram:InvoiceReferencedDocument');
    ref.ele('ram:IssuerAssignedID').txt(doc.precedingInvoice.number);
    ref.ele('ram:FormattedIssueDateTime').ele('qdt:DateTimeString', { format: '102' }).txt(compactDate(doc.precedingInvoice.issueDate));
  }
  return root.end({ prettyPrint: true });
}
