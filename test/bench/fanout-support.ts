// Subscriber processes and per-change measurement shared by the fan-out benchmarks
// (bench/fanout.ts: one server against a bare graphql-ws baseline; bench/fanout-instances.ts:
// one, two or three instances sharing MariaDB and Redis).
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import type { FromWorker, ToWorker } from './subscribers.js';
import { summary, wallMs } from './support.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const RECEIPT_TIMEOUT_MS = 20_000;
const PAUSE_MS = 100;
export const BENCH_DEADLINE = Date.now() + Number(process.env.BENCH_TIMEOUT_MS ?? 20 * 60_000);

// ---- subscriber processes -------------------------------------------------------------------

export class Worker {
  private readonly child: ChildProcess;
  private waiters: Array<{ match: (m: FromWorker) => boolean; resolve: (m: FromWorker) => void }> =
    [];
  readonly received = new Map<number, Extract<FromWorker, { evt: 'received' }>>();
  errors: string[] = [];

  constructor() {
    this.child = fork(path.join(here, 'subscribers.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (m: FromWorker) => {
      if (m.evt === 'received') this.received.set(m.seq, m);
      if (m.evt === 'error' && this.errors.length < 20) this.errors.push(m.message);
      const i = this.waiters.findIndex((w) => w.match(m));
      if (i >= 0) this.waiters.splice(i, 1)[0].resolve(m);
    });
  }

  request<E extends FromWorker['evt']>(
    m: ToWorker,
    evt: E,
    timeoutMs = 300_000,
  ): Promise<Extract<FromWorker, { evt: E }>> {
    return new Promise((resolve, reject) => {
      const t = setTimeout(
        () => reject(new Error(`worker: no ${evt} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({
        match: (x) => x.evt === evt,
        resolve: (x) => {
          clearTimeout(t);
          resolve(x as Extract<FromWorker, { evt: E }>);
        },
      });
      this.child.send(m);
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  kill() {
    if (this.child.connected) this.child.send({ cmd: 'exit' } satisfies ToWorker);
    setTimeout(() => this.child.kill('SIGKILL'), 2000).unref();
  }
}

/** CPU time (user + system, ms) a process has used so far (Linux /proc; NaN elsewhere). */
export function cpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}
const CLOCK_TICKS = 100;

/** CPU time each of some processes used over a phase (ms). */
export function cpuMeter(pids: Array<number | undefined>) {
  const c0 = pids.map(cpuMs);
  return () => pids.map((p, i) => cpuMs(p) - c0[i]);
}

export async function waitReceipt(
  workers: Worker[],
  seq: number,
): Promise<{ first: number; last: number } | null> {
  const until = Date.now() + RECEIPT_TIMEOUT_MS;
  while (Date.now() < until) {
    const got = workers.map((w) => w.received.get(seq));
    if (got.every(Boolean)) {
      for (const w of workers) w.received.delete(seq);
      return {
        first: Math.min(...got.map((g) => g!.first)),
        last: Math.max(...got.map((g) => g!.last)),
      };
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  return null;
}

export async function connectAll(
  workers: Worker[],
  n: number,
  wsUrl: string | string[],
  token: string,
  query: string,
  variables: Record<string, unknown>,
) {
  const t0 = Date.now();
  const per = workers.map(
    (_, i) => Math.floor(n / workers.length) + (i < n % workers.length ? 1 : 0),
  );
  const res = await Promise.all(
    workers.map((w, i) =>
      w.request(
        { cmd: 'connect', wsUrl: Array.isArray(wsUrl) ? wsUrl[i % wsUrl.length] : wsUrl, token, query, variables, count: per[i] },
        'connected',
      ),
    ),
  );
  const total = res.reduce((a, r) => a + r.total, 0);
  const failed = res.reduce((a, r) => a + r.failed, 0);
  if (total !== n)
    throw new Error(
      `only ${total} of ${n} subscribers connected (${failed} failed): ${workers.flatMap((w) => w.errors).join('; ')}`,
    );
  return Date.now() - t0;
}

/**
 * Runs `count` changes one after another. Per change: reply→last receipt (the figure asked for),
 * reply→first receipt, and request sent→last receipt (negative reply-based figures mean the
 * fan-out finished before the reply reached the driver: they share the server's event loop).
 */
export async function measure(workers: Worker[], count: number, change: (i: number) => Promise<number>) {
  const toLast: number[] = [];
  const toFirst: number[] = [];
  const sentToLast: number[] = [];
  let lost = 0;
  for (let i = 0; i < count && Date.now() < BENCH_DEADLINE; i++) {
    const sent = wallMs();
    const seq = await change(i);
    const replied = wallMs();
    const r = await waitReceipt(workers, seq);
    if (!r) lost += 1;
    else {
      toLast.push(r.last - replied);
      toFirst.push(r.first - replied);
      sentToLast.push(r.last - sent);
    }
    await new Promise((res) => setTimeout(res, PAUSE_MS));
  }
  return {
    toLast: summary(toLast),
    toFirst: summary(toFirst),
    sentToLast: summary(sentToLast),
    lost,
  };
}

// ---- message sizes ---------------------------------------------------------------------------

/** One raw subscriber that keeps the byte size of each `next` message, with its seq. */
export async function sizeProbe(wsUrl: string, token: string, query: string, variables: Record<string, unknown>) {
  const ws = new WebSocket(wsUrl, 'graphql-transport-ws', { perMessageDeflate: false });
  const sizes: Array<{ seq: number; bytes: number; whole: boolean }> = [];
  ws.on('message', (data: Buffer) => {
    const m = JSON.parse(data.toString('utf8')) as { type: string; payload?: { data?: Record<string, { seq: number; board?: unknown }> } };
    if (m.type === 'connection_ack') ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
    if (m.type !== 'next') return;
    const msg = Object.values(m.payload!.data!)[0];
    // A whole board: rotationBoard always; the feed's board and the rest of it (same seq).
    const whole = !('board' in msg) || msg.board !== null || sizes.at(-1)?.seq === msg.seq;
    sizes.push({ seq: msg.seq, bytes: data.length, whole });
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  return { sizes, close: () => ws.close() };
}
