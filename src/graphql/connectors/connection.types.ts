import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectedSystem, ConnectionRecordStatus, ConnectionStatus } from '../../domain/connectors/connection.entity';
import { JSONObjectScalar } from '../scalars/standard';
import { Connection as RelayConnection } from '../shared/connection';

registerEnumType(ConnectedSystem, { name: 'ConnectedSystem', description: 'The CRM or ERP a connection links to' });
registerEnumType(ConnectionStatus, { name: 'ConnectionStatus', description: 'ACTIVE (synced by every pass) or PAUSED' });
registerEnumType(ConnectionRecordStatus, {
  name: 'ConnectionRecordStatus',
  description:
    'PENDING (waiting for an attempt, or for its customer on the vendor side), SYNCED, FAILED (the vendor refused it; retried with backoff), DEAD (given up; retryConnectionRecord sends it again)',
});

@ObjectType('Connection', { description: 'A link to a CRM or ERP (docs/connectors.md); its credentials are never returned' })
export class ConnectionType {
  @Field(() => ID)
  id!: string;

  @Field(() => ConnectedSystem)
  system!: ConnectedSystem;

  @Field({ description: "The vendor's API address" })
  baseUrl!: string;

  @Field(() => JSONObjectScalar, { description: 'What the connector was told (stages, owned fields, maxAttempts)' })
  settings!: Record<string, unknown>;

  @Field(() => ConnectionStatus)
  status!: ConnectionStatus;

  @Field(() => Date, { nullable: true, description: 'The end of the last pass that sent something' })
  lastSyncAt!: Date | null;

  @Field()
  createdAt!: Date;
}

@ObjectType('ConnectionRecord', { description: 'One Tariff record as a connection syncs it: the sync log' })
export class ConnectionRecordType {
  @Field(() => ID)
  id!: string;

  @Field({ description: '`customer`, `contact`, `subscription`, `invoice` or `payment`' })
  recordType!: string;

  @Field(() => ID, { description: "The record's id in Tariff" })
  tariffId!: string;

  @Field(() => String, { nullable: true, description: "The record's id on the vendor side, once it answered with one" })
  externalId!: string | null;

  @Field(() => ConnectionRecordStatus)
  status!: ConnectionRecordStatus;

  @Field(() => Int, { description: 'Failed attempts since the last success (a 429 is not counted)' })
  attempts!: number;

  @Field(() => Date, { nullable: true })
  lastAttemptAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The vendor's message on the last failure" })
  lastError!: string | null;

  @Field(() => Date, { nullable: true })
  nextAttemptAt!: Date | null;

  @Field(() => Date, { nullable: true })
  syncedAt!: Date | null;

  @Field()
  createdAt!: Date;
}

export const ConnectionRecordConnection = RelayConnection('ConnectionRecord', ConnectionRecordType);

@ArgsType()
export class ConnectionRecordsArgs {
  @Field(() => Int, { nullable: true })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => ConnectionRecordStatus, { nullable: true })
  status?: ConnectionRecordStatus;
}

@InputType()
export class CreateConnectionInput {
  @Field(() => ConnectedSystem)
  system!: ConnectedSystem;

  @Field(() => String, {
    nullable: true,
    description: "Defaults to the vendor's production address (HubSpot); required for SAP_S4HANA, whose every tenant has its own host",
  })
  baseUrl?: string | null;

  @Field(() => JSONObjectScalar, {
    description:
      'HubSpot: { accessToken } (a private app token); SAP_S4HANA: { username, password } (a communication user). Stored encrypted, never returned',
  })
  credentials!: Record<string, unknown>;

  @Field(() => JSONObjectScalar, { nullable: true })
  settings?: Record<string, unknown> | null;
}
