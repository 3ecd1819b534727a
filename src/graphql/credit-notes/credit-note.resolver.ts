import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Customer } from '../../domain/customers/customer.entity';
import type { Context } from '../context';
import { CustomerType } from '../customers/customer.types';
import { storedToInvoice } from '../invoices/invoice.mapping';
import { InvoiceType } from '../invoices/invoice.types';
import { ConnectionShape, toConnection } from '../shared/connection';
import { toCreditNote } from './credit-note.mapping';
import { CreateCreditNoteInput, CreditNoteConnection, CreditNotesArgs, CreditNoteType } from './credit-note.types';

@Resolver(() => CreditNoteType)
export class CreditNoteResolver {
  @Mutation(() => CreditNoteType, {
    description: 'Gives back part or all of an OPEN or PAID invoice, which itself is never edited (ADMIN)',
  })
  async createCreditNote(
    @Arg('input', () => CreateCreditNoteInput) input: CreateCreditNoteInput,
    @Ctx() ctx: Context,
  ): Promise<CreditNoteType> {
    return toCreditNote(await ctx.services.creditNotes.create(input));
  }

  @Query(() => CreditNoteType, { nullable: true })
  async creditNote(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<CreditNoteType | null> {
    const note = await ctx.services.creditNotes.get(id);
    return note ? toCreditNote(note) : null;
  }

  @Query(() => CreditNoteConnection, { description: 'Oldest first, by (createdAt, id)' })
  async creditNotes(@Args(() => CreditNotesArgs) args: CreditNotesArgs, @Ctx() ctx: Context): Promise<ConnectionShape<CreditNoteType>> {
    const connection = toConnection(await ctx.services.creditNotes.list(args));
    return { ...connection, edges: connection.edges.map((e) => ({ cursor: e.cursor, node: toCreditNote(e.node) })) };
  }

  @FieldResolver(() => InvoiceType)
  async invoice(@Root() note: CreditNoteType, @Ctx() ctx: Context): Promise<InvoiceType> {
    return storedToInvoice((await ctx.loaders.invoice.load(note.invoiceId))!);
  }

  @FieldResolver(() => CustomerType)
  async customer(@Root() note: CreditNoteType, @Ctx() ctx: Context): Promise<Customer> {
    return (await ctx.loaders.customer.load(note.customerId))!;
  }
}

/** `Invoice.creditNotes`: lives with credit notes so that invoices do not depend on them. */
@Resolver(() => InvoiceType)
export class InvoiceCreditNotesResolver {
  @FieldResolver(() => [CreditNoteType], { description: 'Oldest first' })
  async creditNotes(@Root() invoice: InvoiceType, @Ctx() ctx: Context): Promise<CreditNoteType[]> {
    return (await ctx.services.creditNotes.listForInvoice(invoice, ctx.loaders.creditNotesByInvoice)).map(toCreditNote);
  }
}
