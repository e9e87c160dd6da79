/**
 * Acknowledgements before answers.
 *
 * Discord gives a bot 3 seconds to acknowledge an interaction, and 15 minutes
 * to edit in the answer. Acknowledging is a little I/O; answering is
 * synchronous CPU work (search and rendering). In a burst, hundreds of
 * deferrals come back at once; if each went straight on to its search, the
 * interactions still waiting to be acknowledged would wait behind all of
 * those searches and miss their 3 seconds. {@link afterPendingIo} runs such
 * work one job per turn of the event loop, so the network (other
 * interactions' acknowledgements, gateway frames) is serviced between any
 * two jobs.
 */

const queue: Array<() => void> = [];
let draining = false;

function drain(): void {
  queue.shift()?.();
  if (queue.length > 0) setImmediate(drain);
  else draining = false;
}

/**
 * Runs `job` (synchronous, CPU-bound) on a later turn of the event loop, in
 * order, one job per turn; resolves with its result or rejects with what it
 * threw.
 */
export function afterPendingIo<T>(job: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    queue.push(() => {
      try {
        resolve(job());
      } catch (err) {
        reject(err);
      }
    });
    if (!draining) {
      draining = true;
      setImmediate(drain);
    }
  });
}

/** Jobs waiting to run (for tests and diagnostics). */
export function pendingJobs(): number {
  return queue.length;
}
