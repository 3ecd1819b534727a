import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { Role } from '../../domain/auth/actor';
import { JSONObjectScalar } from '../scalars/standard';
import { Connection } from '../shared/connection';

@ObjectType('AuditActor', { description: 'The API key that made a change, as it was then' })
export class AuditActorType {
  @Field(() => ID)
  apiKeyId!: string;

  @Field()
  name!: string;

  @Field(() => Role)
  role!: Role;
}

@ObjectType('AuditEntry', { description: 'One record changed by one mutation' })
export class AuditEntryType {
  @Field(() => ID)
  id!: string;

  @Field()
  at!: Date;

  @Field(() => AuditActorType)
  actor!: AuditActorType;

  @Field({ description: 'The mutation that made the change (updateCustomer)' })
  operation!: string;

  @Field({ description: 'The kind of record changed (Customer, Subscription, ApiKey)' })
  recordType!: string;

  @Field(() => ID, { nullable: true })
  recordId!: string | null;

  @Field(() => JSONObjectScalar, {
    description:
      'The changed fields, each { before, after } (before null on creation, after null on deletion); secrets show as "[REDACTED]"',
  })
  changes!: Record<string, unknown>;
}

export const AuditEntryConnection = Connection('AuditEntry', AuditEntryType);

@ArgsType()
export class AuditLogArgs {
  @Field(() => Int, { nullable: true })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => ID, { nullable: true, description: 'Only the history of this record' })
  recordId?: string;
}
