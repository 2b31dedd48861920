/**
 * A read of one key shared by everyone who asks for it before it is sent: it is sent on the
 * next turn of the event loop, so each caller gets what a read of its own, started when it
 * asked, would have seen (never an answer from before it asked). Issue 17: thousands of
 * dashboards of one site connecting at once each read the same rows.
 * Callers share the answer: they must not change it.
 */
export class NextRead<K, V> {
  private readonly queued = new Map<K, Promise<V>>();

  get(key: K, read: () => Promise<V>): Promise<V> {
    let answer = this.queued.get(key);
    if (!answer) {
      answer = new Promise<V>((resolve, reject) =>
        setImmediate(() => {
          // From here on, callers wait for the next read.
          this.queued.delete(key);
          read().then(resolve, reject);
        }),
      );
      this.queued.set(key, answer);
    }
    return answer;
  }
}
