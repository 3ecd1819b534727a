import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { Customer } from '../../domain/customers/customer.entity';
import type { ConsumedLine } from '../../domain/invoices/invoice-consumption';
import { InvoiceLineKind } from '../../domain/invoices/invoice-line.entity';
import { formatMoney } from '../../pricing/currency';
import type { Context } from '../context';
import { CustomerType } from '../customers/customer.types';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { CurrencyScalar } from '../scalars/standard';
import { Connection, ConnectionShape, toConnection } from '../shared/connection';

@ObjectType('ConsumedLine', {
  description:
    "A line a company-group member consumed on its payer's invoice: the line, and of the invoice only its number and date (its totals, other lines and documents are the payer's)",
})
export class ConsumedLineType {
  @Field(() => ID)
  id!: string;

  @Field({ description: "The payer's invoice number" })
  invoiceNumber!: string;

  @Field({ description: 'When that invoice was issued (finalized)' })
  issuedAt!: Date;

  @Field(() => CurrencyScalar)
  currency!: string;

  @Field(() => InvoiceLineKind)
  kind!: InvoiceLineKind;

  @Field({ description: 'Starts with the member’s name (and its location)' })
  description!: string;

  @Field(() => String, { nullable: true })
  priceCode!: string | null;

  @Field(() => DecimalScalar)
  quantity!: string;

  @Field(() => DecimalScalar, { description: 'Before tax, rounded once' })
  amount!: string;

  @Field(() => DecimalScalar)
  tax!: string;

  @Field(() => Date, { nullable: true })
  periodStart!: Date | null;

  @Field(() => Date, { nullable: true })
  periodEnd!: Date | null;

  @Field(() => ID, { nullable: true })
  subscriptionId!: string | null;

  @Field(() => ID, { nullable: true })
  locationId!: string | null;
}

const ConsumedLineConnection = Connection('ConsumedLine', ConsumedLineType);

@ArgsType()
class ConsumptionArgs {
  @Field(() => Int, { nullable: true })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;
}

@Resolver(() => CustomerType)
export class CustomerConsumptionResolver {
  @FieldResolver(() => ConsumedLineConnection, {
    description:
      "What this customer consumed on its payer's invoices (a member billed to its parent), oldest invoice first; read like its invoices",
  })
  async consumption(
    @Root() customer: Customer,
    @Args(() => ConsumptionArgs) args: ConsumptionArgs,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<ConsumedLineType>> {
    const connection = toConnection(await ctx.services.invoices.consumption(customer, args));
    return { ...connection, edges: connection.edges.map((e) => ({ cursor: e.cursor, node: toConsumedLineType(e.node) })) };
  }
}

function toConsumedLineType(line: ConsumedLine): ConsumedLineType {
  const money = (d: ConsumedLine['amount']) => formatMoney(d, line.currency);
  return {
    id: line.id,
    invoiceNumber: line.invoiceNumber,
    issuedAt: line.issuedAt,
    currency: line.currency,
    kind: line.kind,
    description: line.description,
    priceCode: line.priceCode,
    quantity: line.quantity.toFixed(),
    amount: money(line.amount),
    tax: money(line.tax),
    periodStart: line.periodStart,
    periodEnd: line.periodEnd,
    subscriptionId: line.subscriptionId,
    locationId: line.locationId,
  };
}
