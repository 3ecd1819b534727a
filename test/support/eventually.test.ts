import { eventually } from './eventually';

describe('eventually()', () => {
  it('returns the first value that passes, retrying thrown assertions', async () => {
    let n = 0;
    const value = await eventually(
      () => {
        n++;
        expect(n).toBeGreaterThanOrEqual(3);
        return n;
      },
      { intervalMs: 1 },
    );
    expect(value).toBe(3);
  });

  it('waits until the predicate holds', async () => {
    let n = 0;
    await expect(eventually(() => ++n, { until: (v) => v === 5, intervalMs: 1 })).resolves.toBe(5);
  });

  it('fails with what it waited for and the last value or error', async () => {
    await expect(
      eventually(() => [1, 2], { until: (v) => v.length > 2, what: 'three items', timeoutMs: 30, intervalMs: 5 }),
    ).rejects.toThrow(/waiting for three items; last value: \[ 1, 2 \]/);
    await expect(
      eventually(
        () => {
          throw new Error('not yet: 7');
        },
        { timeoutMs: 30, intervalMs: 5 },
      ),
    ).rejects.toThrow(/last error: not yet: 7/);
  });
});
