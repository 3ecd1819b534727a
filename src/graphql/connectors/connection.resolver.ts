import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Connection, ConnectionRecord } from '../../domain/connectors/connection.entity';
import type { Context } from '../context';
import { ConnectionShape, toConnection } from '../shared/connection';
import {
  ConnectionRecordConnection,
  ConnectionRecordsArgs,
  ConnectionRecordType,
  ConnectionType,
  CreateConnectionInput,
} from './connection.types';

@Resolver(() => ConnectionType)
export class ConnectionResolver {
  @Mutation(() => ConnectionType, {
    description: 'Links a CRM or ERP (ADMIN); needs TARIFF_SECRETS_KEY to store the credentials encrypted',
  })
  createConnection(@Arg('input', () => CreateConnectionInput) input: CreateConnectionInput, @Ctx() ctx: Context): Promise<Connection> {
    return ctx.services.connections.create(input);
  }

  @Mutation(() => ConnectionRecordType, {
    description: 'Sends a FAILED or DEAD record again at the next pass, its attempts counted from zero (ADMIN)',
  })
  retryConnectionRecord(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ConnectionRecord> {
    return ctx.services.connections.retryRecord(id);
  }

  @Mutation(() => ConnectionType, { description: 'Sends again every record changed at or after `from` (ADMIN)' })
  replayConnection(@Arg('id', () => ID) id: string, @Arg('from', () => Date) from: Date, @Ctx() ctx: Context): Promise<Connection> {
    return ctx.services.connections.replay(id, from);
  }

  @Query(() => ConnectionType, { nullable: true })
  connection(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Connection | null> {
    return ctx.services.connections.get(id);
  }

  @Query(() => [ConnectionType], { description: 'Every connection, oldest first (at most 100)' })
  connections(@Ctx() ctx: Context): Promise<Connection[]> {
    return ctx.services.connections.list();
  }

  @FieldResolver(() => Int, { description: 'Records waiting to be sent' })
  async pending(@Root() connection: Connection, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.services.connections.counts(connection.id)).pending;
  }

  @FieldResolver(() => Int, { description: 'Records FAILED or DEAD' })
  async failed(@Root() connection: Connection, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.services.connections.counts(connection.id)).failed;
  }

  @FieldResolver(() => ConnectionRecordConnection, { description: 'The sync log, oldest first' })
  async records(
    @Root() connection: Connection,
    @Args(() => ConnectionRecordsArgs) args: ConnectionRecordsArgs,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<ConnectionRecord>> {
    return toConnection(await ctx.services.connections.records(connection.id, args));
  }
}
