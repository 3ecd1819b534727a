import { Arg, Ctx, FieldResolver, registerEnumType, Resolver, Root } from 'type-graphql';
import { EInvoiceSpecification, EInvoiceSyntax } from '../../domain/e-invoices/e-invoice';
import type { Context } from '../context';
import { CreditNoteType } from '../credit-notes/credit-note.types';
import { InvoiceType } from '../invoices/invoice.types';

registerEnumType(EInvoiceSyntax, {
  name: 'EInvoiceSyntax',
  description: 'The two syntaxes of EN 16931',
  valuesConfig: { UBL: { description: 'OASIS UBL 2.1' }, CII: { description: 'UN/CEFACT Cross Industry Invoice D16B' } },
});

registerEnumType(EInvoiceSpecification, {
  name: 'EInvoiceSpecification',
  description: 'The specification identifier (BT-24) the document claims',
  valuesConfig: {
    EN16931: { description: 'urn:cen.eu:en16931:2017' },
    XRECHNUNG: { description: "XRechnung 3.0's identifier (its national rules BR-DE-* are not checked)" },
    FACTUR_X: { description: 'Factur-X / ZUGFeRD, profile EN 16931 (the same identifier as EN16931; the PDF/A-3 container is not made)' },
  },
});

const DESCRIPTION =
  'The document as EN 16931 XML. CONFLICT for a DRAFT, or naming the seller setting or buyer detail it lacks (extensions.field: "settings.iban", "customer.billingAddress", …)';

/** `Invoice.eInvoice`: lives with e-invoices so that invoices do not depend on them. */
@Resolver(() => InvoiceType)
export class InvoiceEInvoiceResolver {
  @FieldResolver(() => String, { description: DESCRIPTION })
  eInvoice(
    @Root() invoice: InvoiceType,
    @Arg('syntax', () => EInvoiceSyntax) syntax: EInvoiceSyntax,
    @Arg('specification', () => EInvoiceSpecification, { defaultValue: EInvoiceSpecification.EN16931 })
    specification: EInvoiceSpecification,
    @Ctx() ctx: Context,
  ): Promise<string> {
    return ctx.services.eInvoices.forInvoice(invoice.id, syntax, specification);
  }
}

@Resolver(() => CreditNoteType)
export class CreditNoteEInvoiceResolver {
  @FieldResolver(() => String, {
    description: 'The credit note as EN 16931 XML (type 381, naming its invoice). CONFLICT as Invoice.eInvoice',
  })
  eInvoice(
    @Root() note: CreditNoteType,
    @Arg('syntax', () => EInvoiceSyntax) syntax: EInvoiceSyntax,
    @Arg('specification', () => EInvoiceSpecification, { defaultValue: EInvoiceSpecification.EN16931 })
    specification: EInvoiceSpecification,
    @Ctx() ctx: Context,
  ): Promise<string> {
    return ctx.services.eInvoices.forCreditNote(note.id, syntax, specification);
  }
}
