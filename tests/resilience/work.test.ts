/** afterPendingIo: CPU-bound jobs in order, one per event-loop turn, with I/O serviced between them. */
import { describe, expect, it } from 'vitest';
import { afterPendingIo, pendingJobs } from '../../src/bot/work.ts';

/** Busy-waits `ms` (a stand-in for a search). */
function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe('afterPendingIo', () => {
  it('runs jobs in order and resolves with their results; a throwing job rejects only its own promise', async () => {
    const order: number[] = [];
    const results = await Promise.allSettled([
      afterPendingIo(() => (order.push(1), 'a')),
      afterPendingIo(() => {
        order.push(2);
        throw new Error('boom');
      }),
      afterPendingIo(() => (order.push(3), 'c')),
    ]);
    expect(order).toEqual([1, 2, 3]);
    expect(results).toMatchObject([{ status: 'fulfilled', value: 'a' }, { status: 'rejected', reason: { message: 'boom' } }, { status: 'fulfilled', value: 'c' }]);
    expect(pendingJobs()).toBe(0);
  });

  it('never runs a job synchronously', () => {
    let ran = false;
    void afterPendingIo(() => (ran = true));
    expect(ran).toBe(false);
  });

  it('lets I/O callbacks run between two jobs (a burst of searches cannot starve acknowledgements)', async () => {
    const events: string[] = [];
    const jobs = Array.from({ length: 5 }, (_, i) =>
      afterPendingIo(() => {
        events.push(`job ${i}`);
        spin(5);
      }),
    );
    // an I/O-phase callback that becomes ready while the first job runs
    const io = new Promise<void>((resolve) => setTimeout(() => (events.push('io'), resolve()), 1));
    await Promise.all([...jobs, io]);
    // run back to back (as before), the five 5 ms jobs would all come before it
    expect(events.indexOf('io')).toBeLessThan(events.length - 1);
  });
});
