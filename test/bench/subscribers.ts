// A subscriber process for bench/fanout.ts: many raw `ws` clients speaking graphql-transport-ws,
// driven over IPC. It never parses a whole board: the seq is read from the message's first bytes.
import WebSocket from 'ws';
import { wallMs } from './support.js';

export type ToWorker =
  | {
      cmd: 'connect';
      wsUrl: string;
      token: string;
      query: string;
      variables: Record<string, unknown>;
      count: number;
    }
  | { cmd: 'closeAll' }
  | { cmd: 'exit' };

export type FromWorker =
  | { evt: 'connected'; total: number; failed: number }
  | { evt: 'received'; seq: number; first: number; last: number; count: number }
  | { evt: 'closed' }
  | { evt: 'error'; message: string };

const send = (m: FromWorker) => process.send!(m);

const CONNECT_CONCURRENCY = 50;
// A loaded machine and an old build may need longer (BENCH_CONNECT_TIMEOUT_MS).
const CONNECT_TIMEOUT_MS = Number(process.env.BENCH_CONNECT_TIMEOUT_MS ?? 30_000);

let clients: WebSocket[] = [];
/** Per board seq: how many clients have it, and when the first and the last got it. */
const seen = new Map<number, { count: number; first: number; last: number }>();
const SEQ_RE = /"seq":(\d+)/;

function onNext(seq: number, at: number) {
  let s = seen.get(seq);
  if (!s) seen.set(seq, (s = { count: 0, first: at, last: at }));
  s.count += 1;
  s.last = at;
  if (s.count === clients.length) {
    send({ evt: 'received', seq, ...s });
    seen.delete(seq);
  }
  // Bounded: forget seqs that some client will never get.
  if (seen.size > 1000) seen.delete(seen.keys().next().value!);
}

function checkWhole(data: Buffer, seq: number) {
  try {
    const m = JSON.parse(data.toString('utf8')) as {
      type: string;
      payload: { data: Record<string, { seq: number }> };
    };
    // rotationBoard (whole boards) or rotationBoardFeed (changes): one field with seq first.
    if (m.type !== 'next' || Object.values(m.payload.data)[0]?.seq !== seq)
      throw new Error(`unexpected message for seq ${seq}`);
  } catch (err) {
    send({
      evt: 'error',
      message: `malformed message: ${String(err)}: ${data.toString('utf8', 0, 200)}`,
    });
  }
}

/** Opens one client and resolves when its first `next` (the current board) has arrived. */
function open(m: Extract<ToWorker, { cmd: 'connect' }>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(m.wsUrl, 'graphql-transport-ws', { perMessageDeflate: false });
    let ready = false;
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error('connect timeout'));
    }, CONNECT_TIMEOUT_MS);
    ws.on('open', () =>
      ws.send(
        JSON.stringify({
          type: 'connection_init',
          payload: { authorization: `Bearer ${m.token}` },
        }),
      ),
    );
    ws.on('message', (data: Buffer) => {
      const at = wallMs();
      const head = data.toString('latin1', 0, Math.min(data.length, 200));
      if (head.includes('"type":"next"')) {
        if (!ready) {
          ready = true;
          clearTimeout(timer);
          resolve(ws);
          return;
        }
        const seq = SEQ_RE.exec(head);
        if (seq) onNext(Number(seq[1]), at);
        // One client per process reads every message whole: the bytes must be the protocol's JSON.
        if (ws === clients[0]) checkWhole(data, Number(seq?.[1]));
      } else if (head.includes('"type":"connection_ack"')) {
        ws.send(
          JSON.stringify({
            id: '1',
            type: 'subscribe',
            payload: { query: m.query, variables: m.variables },
          }),
        );
      } else if (head.includes('"type":"ping"')) {
        ws.send('{"type":"pong"}');
      } else if (head.includes('"type":"error"') || head.includes('"type":"complete"')) {
        send({ evt: 'error', message: data.toString('utf8', 0, 500) });
      }
    });
    ws.on('error', (err) => {
      clearTimeout(timer);
      if (!ready) reject(err);
    });
    ws.on('close', (code) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`closed ${code} before the first board`));
    });
  });
}

async function connect(m: Extract<ToWorker, { cmd: 'connect' }>) {
  let failed = 0;
  const opened: WebSocket[] = [];
  let next = 0;
  const lanes = Array.from({ length: Math.min(CONNECT_CONCURRENCY, m.count) }, async () => {
    while (next < m.count) {
      next += 1;
      try {
        opened.push(await open(m));
      } catch {
        failed += 1;
      }
    }
  });
  await Promise.all(lanes);
  clients = clients.concat(opened);
  seen.clear();
  send({ evt: 'connected', total: clients.length, failed });
}

async function closeAll() {
  const closing = clients.map(
    (ws) =>
      new Promise<void>((resolve) => {
        if (ws.readyState === WebSocket.CLOSED) return resolve();
        const t = setTimeout(() => {
          ws.terminate();
          resolve();
        }, 5000);
        ws.once('close', () => {
          clearTimeout(t);
          resolve();
        });
        ws.close(1000);
      }),
  );
  await Promise.all(closing);
  clients = [];
  seen.clear();
  send({ evt: 'closed' });
}

process.on('message', (m: ToWorker) => {
  const run =
    m.cmd === 'connect'
      ? connect(m)
      : m.cmd === 'closeAll'
        ? closeAll()
        : Promise.resolve(process.exit(0));
  run.catch((err: unknown) => send({ evt: 'error', message: String(err) }));
});
process.on('disconnect', () => process.exit(0));
