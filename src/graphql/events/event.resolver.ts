import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { ConnectionShape, toConnection } from '../shared/connection';
import { EventConnection, EventsArgs, EventType } from './event.types';

@Resolver(() => EventType)
export class EventResolver {
  @Query(() => EventConnection, {
    description:
      'The outbox, oldest first: follow endCursor to read every event exactly once, in an order that keeps each aggregate’s sequence',
  })
  async events(@Args(() => EventsArgs) args: EventsArgs, @Ctx() ctx: Context): Promise<ConnectionShape<EventType>> {
    return toConnection(await ctx.services.events.list(args));
  }
}
