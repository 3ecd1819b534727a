import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { TestClockStatus } from '../../domain/test-clocks/test-clock.entity';

registerEnumType(TestClockStatus, {
  name: 'TestClockStatus',
  description: 'READY, or ADVANCING while advanceTestClock bills its customers',
});

@ObjectType('TestClock', { description: "Simulated time, as Stripe's test clocks: customers created on it live at its frozen time" })
export class TestClockType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field({ description: 'The instant its customers live at; advancing the clock moves it' })
  frozenTime!: Date;

  @Field(() => TestClockStatus)
  status!: TestClockStatus;

  @Field()
  createdAt!: Date;
}
