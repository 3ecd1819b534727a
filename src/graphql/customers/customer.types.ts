import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { TaxStatus } from '../../domain/customers/customer.entity';
import type { Decimal } from '../../pricing/decimal';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { CurrencyScalar } from '../scalars/standard';

registerEnumType(TaxStatus, { name: 'TaxStatus', description: 'TAXABLE with a rate, EXEMPT, or REVERSE_CHARGE (B2B intra-EU)' });

@ObjectType('ExternalId', { description: "A record's id in another system (SAP, Salesforce, STRIPE)" })
export class ExternalIdType {
  @Field()
  system!: string;

  @Field({ name: 'id' })
  externalId!: string;
}

@ObjectType('Customer')
export class CustomerType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  email!: string;

  @Field(() => CurrencyScalar)
  currency!: string;

  @Field(() => TaxStatus)
  taxStatus!: TaxStatus;

  @Field(() => DecimalScalar, { nullable: true, description: 'Percent, e.g. "20.00"; set when TAXABLE' })
  taxRate!: Decimal | null;

  @Field({ description: 'Invoices wait as DRAFT for review instead of being finalized at once' })
  invoiceDrafts!: boolean;

  @Field()
  createdAt!: Date;
}
