import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Customer } from '../../domain/customers/customer.entity';
import type { TestClock } from '../../domain/test-clocks/test-clock.entity';
import type { Context } from '../context';
import { CustomerType } from '../customers/customer.types';
import { TestClockType } from './test-clock.types';

@Resolver(() => TestClockType)
export class TestClockResolver {
  @Mutation(() => TestClockType, { description: 'A clock standing at `frozenTime`; create customers on it with `testClockId`' })
  createTestClock(
    @Arg('frozenTime') frozenTime: Date,
    @Arg('name', () => String, { nullable: true }) name: string | null,
    @Ctx() ctx: Context,
  ): Promise<TestClock> {
    return ctx.services.testClocks.create(frozenTime, name);
  }

  @Mutation(() => TestClockType, {
    description:
      'Moves the clock to `to` (after its frozen time, at most 5 years ahead), billing its customers at each boundary on the way, dated there. ' +
      'READY when it returns; if billing fails on the way, the clock stays READY at the last instant reached, what was billed stays billed, and the error is returned.',
  })
  advanceTestClock(@Arg('id', () => ID) id: string, @Arg('to') to: Date, @Ctx() ctx: Context): Promise<TestClock> {
    return ctx.services.testClocks.advance(id, to);
  }

  @Query(() => TestClockType, { nullable: true })
  testClock(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<TestClock | null> {
    return ctx.services.testClocks.get(id);
  }
}

/** `Customer.testClockId` and `Customer.testClock`: they live with test clocks so that customers do not depend on them. */
@Resolver(() => CustomerType)
export class CustomerTestClockResolver {
  @FieldResolver(() => ID, { nullable: true, description: 'The test clock the customer lives on, set at creation' })
  testClockId(@Root() customer: Customer): string | null {
    return customer.testClock?.id ?? null;
  }

  @FieldResolver(() => TestClockType, { nullable: true })
  testClock(@Root() customer: Customer, @Ctx() ctx: Context): Promise<TestClock | null> {
    return ctx.services.testClocks.ofCustomer(customer);
  }
}
