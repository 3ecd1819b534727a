import fc from 'fast-check';
import { Decimal, type UsageAggregation, type UsageEvent, aggregateUsage } from '../../src/pricing';
import { d, issuesOf } from './fixtures';

const at = (minute: number): Date => new Date(Date.UTC(2026, 5, 1, 0, minute));
const events: UsageEvent[] = [
  { value: d('10'), uniqueKey: 'a', timestamp: at(1) },
  { value: d('2.5'), uniqueKey: 'b', timestamp: at(5) },
  { value: d('7'), uniqueKey: 'a', timestamp: at(3) },
  { value: d('0.000001'), uniqueKey: null, timestamp: at(2) },
  { value: d('4'), timestamp: at(4) },
];

describe('aggregateUsage', () => {
  it.each([
    ['sum', '23.500001'],
    ['count', '5'],
    ['max', '10'],
    ['unique_count', '2'], // events without a key are not counted
    ['last', '2.5'], // the latest timestamp, not the last in the list
  ] as const)('%s → %s', (aggregation, expected) => {
    expect(aggregateUsage(aggregation, events).toFixed()).toBe(expected);
  });

  it.each(['sum', 'count', 'max', 'unique_count', 'last'] as const)('%s of no events is 0', (aggregation) => {
    expect(aggregateUsage(aggregation, []).toFixed()).toBe('0');
  });

  it('breaks a tie on the latest instant by value, whatever the order of arrival', () => {
    const tied = [
      { value: d(3), timestamp: at(9) },
      { value: d(8), timestamp: at(9) },
      { value: d(1), timestamp: at(2) },
    ];
    expect(aggregateUsage('last', tied).toFixed()).toBe('8');
    expect(aggregateUsage('last', [...tied].reverse()).toFixed()).toBe('8');
  });

  it('does not depend on the order of events', () => {
    const event = fc.record({
      value: fc.integer({ min: 0, max: 1_000_000 }).map((n) => new Decimal(n).div(100)),
      uniqueKey: fc.option(fc.constantFrom('a', 'b', 'c', 'd')),
      timestamp: fc.integer({ min: 0, max: 1_000 }).map((n) => at(n)),
    });
    fc.assert(
      fc.property(
        fc.array(event),
        fc.constantFrom<UsageAggregation>('sum', 'count', 'max', 'unique_count', 'last'),
        (list, aggregation) => {
          expect(aggregateUsage(aggregation, [...list].reverse()).eq(aggregateUsage(aggregation, list))).toBe(true);
        },
      ),
    );
  });

  it('rejects an unknown aggregation at aggregation', () => {
    expect(issuesOf(() => aggregateUsage('avg' as UsageAggregation, events))[0].path).toBe('aggregation');
  });
});
