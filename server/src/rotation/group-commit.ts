/** What one command of a batch came to: its value, or the error its caller gets. */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

interface Waiting<J, R> {
  job: J;
  resolve(value: R): void;
  reject(error: unknown): void;
}

/**
 * Issue 17, group commit: the commands of one site wait on one lock, so with C clients the latency
 * is about C ÷ throughput. Here the commands that arrive while a site's batch runs wait in this
 * process and go together in the next batch: one lock, one read of the state, one write of the
 * log and the head for all of them. A site's batches run one after another, in arrival order.
 *
 * `run` decides each job in turn and answers one outcome per job (a refused command is an
 * outcome, not a failure). When it throws, the batch's transaction is gone: each job runs again
 * alone, so only the command at fault fails and nothing of the others is lost or half written.
 *
 * `run` may call `join` once it holds the site's lock: the commands that arrived while it waited
 * for the lock join this batch (their outcomes follow the first jobs', in order) instead of
 * waiting for the next lock. Without it, a command arriving just after a batch drained went
 * alone and the ones behind it waited a whole lock cycle (half of bench:assign's batches were
 * one command).
 */
export class GroupCommit<J, R> {
  private readonly waiting = new Map<number, Array<Waiting<J, R>>>();

  constructor(
    private readonly run: (key: number, jobs: J[], join: () => J[]) => Promise<Array<Outcome<R>>>,
    private readonly maxBatch = 100,
  ) {}

  submit(key: number, job: J): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const queue = this.waiting.get(key);
      if (queue) {
        queue.push({ job, resolve, reject });
        return;
      }
      this.waiting.set(key, [{ job, resolve, reject }]);
      void this.drain(key);
    });
  }

  /** Runs the key's batches until nobody waits (the queue's presence in the map marks it running). */
  private async drain(key: number): Promise<void> {
    const queue = this.waiting.get(key)!;
    try {
      while (queue.length) {
        const batch = queue.splice(0, this.maxBatch);
        const join = () => {
          const more = queue.splice(0, Math.max(0, this.maxBatch - batch.length));
          batch.push(...more);
          return more.map((w) => w.job);
        };
        try {
          settle(batch, await this.run(key, batch.map((w) => w.job), join));
        } catch (err) {
          if (batch.length === 1) {
            batch[0].reject(err);
            continue;
          }
          for (const w of batch) {
            try {
              settle([w], await this.run(key, [w.job], () => []));
            } catch (alone) {
              w.reject(alone);
            }
          }
        }
      }
    } finally {
      this.waiting.delete(key);
    }
  }
}

function settle<J, R>(batch: Array<Waiting<J, R>>, outcomes: Array<Outcome<R>>) {
  batch.forEach((w, i) => {
    const o = outcomes[i];
    if (!o) w.reject(new Error('group commit: no outcome for a job'));
    else if (o.ok) w.resolve(o.value);
    else w.reject(o.error);
  });
}
