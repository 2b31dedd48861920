// Memory benchmark (issues 14 and 17): the server's memory per board dashboard and per
// subscription, after a forced garbage collection, and the per-socket subscription cap.
//
//   pnpm --filter @reception/test bench:memory
//   BENCH_DASHBOARDS=1000 BENCH_CAP_SOCKETS=20 pnpm --filter @reception/test bench:memory
//
// The server is the real built one on a fresh SQLite database with the demo company; a
// preload (bench/memory-probe.mjs) lets this script force a GC in it and read its memory.
import os from 'node:os';
import path from 'node:path';
import { execSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import WebSocket from 'ws';
import { gql, login, startServer, type RunningServer } from '../support/server.js';
import { BOARD_SUBSCRIPTION, machine, must } from './support.js';

const DASHBOARDS = Number(process.env.BENCH_DASHBOARDS ?? 1000);
/** Sockets filled up to the per-socket cap, for the per-subscription figure. */
const CAP_SOCKETS = Number(process.env.BENCH_CAP_SOCKETS ?? 20);
const CAP = Number(process.env.BENCH_MAX_SUBSCRIPTIONS ?? 50);
const CONNECT_CONCURRENCY = 10;

const here = path.dirname(fileURLToPath(import.meta.url));
const MiB = 1024 * 1024;

interface Probe {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

/** Forces a GC in the server and reads its memory (twice, a second apart: the settled one). */
async function probe(server: RunningServer): Promise<Probe> {
  let last: Probe | null = null;
  for (let i = 0; i < 2; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    const before = server.output().length;
    server.process.kill('SIGUSR2');
    const end = Date.now() + 10_000;
    for (;;) {
      const m = /\{"memoryProbe":(\{[^}]*\})\}/.exec(server.output().slice(before));
      if (m) {
        last = JSON.parse(m[1]) as Probe;
        break;
      }
      if (Date.now() > end) throw new Error('no memory probe from the server');
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return last!;
}

/** A raw graphql-transport-ws socket, acknowledged. */
async function open(wsUrl: string, token: string): Promise<{ ws: WebSocket; messages: Array<{ id?: string; type: string; payload?: any }> }> {
  const ws = new WebSocket(wsUrl, 'graphql-transport-ws');
  const messages: Array<{ id?: string; type: string; payload?: any }> = [];
  ws.on('message', (d) => messages.push(JSON.parse(String(d))));
  ws.on('error', () => undefined);
  ws.on('close', (code, reason) => {
    if (code !== 1000 && code !== 1005) console.error(`socket closed by the server: ${code} ${String(reason)}`);
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  await until(() => messages.some((m) => m.type === 'connection_ack'), ws);
  return { ws, messages };
}

async function until(pred: () => boolean, ws: WebSocket, ms = 30_000) {
  const end = Date.now() + ms;
  while (!pred()) {
    if (ws.readyState === ws.CLOSED) throw new Error('socket closed');
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const subscribe = (ws: WebSocket, id: string, siteId: string) =>
  ws.send(JSON.stringify({ id, type: 'subscribe', payload: { query: BOARD_SUBSCRIPTION, variables: { siteId, afterSeq: null } } }));

/** `count` sockets, each with `subs` board subscriptions, each subscription's first board received. */
async function connect(wsUrl: string, token: string, siteId: string, count: number, subs: number) {
  const sockets: WebSocket[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONNECT_CONCURRENCY, count) }, async () => {
      while (next < count) {
        next += 1;
        const s = await open(wsUrl, token);
        for (let i = 0; i < subs; i++) subscribe(s.ws, `b${i}`, siteId);
        await until(() => new Set(s.messages.filter((m) => m.type === 'next').map((m) => m.id)).size === subs, s.ws);
        // Keep nothing: the boards are not what is measured.
        s.messages.length = 0;
        s.ws.removeAllListeners('message');
        sockets.push(s.ws);
      }
    }),
  );
  return sockets;
}

async function closeAll(sockets: WebSocket[]) {
  await Promise.all(
    sockets.map(
      (ws) =>
        new Promise<void>((resolve) => {
          if (ws.readyState === ws.CLOSED) return resolve();
          ws.once('close', () => resolve());
          ws.close();
        }),
    ),
  );
}

const mib = (b: number) => `${(b / MiB).toFixed(1)} MiB`;
const kib = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
const row = (label: string, p: Probe) => `${label.padEnd(44)} rss ${mib(p.rss).padStart(10)}  heap ${mib(p.heapUsed).padStart(10)}  external ${mib(p.external).padStart(9)}`;

async function main() {
  const preload = pathToFileURL(path.join(here, 'memory-probe.mjs')).href;
  const server = await startServer({
    env: {
      NODE_OPTIONS: `--import=${preload}`,
      // One user's dashboards: the per-user socket cap is proven by test/hostile, not here.
      WS_MAX_SOCKETS_PER_USER: String(DASHBOARDS + CAP_SOCKETS + 10),
      WS_MAX_SUBSCRIPTIONS: String(CAP),
    },
  });
  try {
    const token = await login(server.url, 'manager');
    const { sites } = await must<{ sites: Array<{ id: string; code: string }> }>(gql(server.url, '{ sites { id code } }', {}, token));
    const bj = sites.find((s) => s.code === 'BJ')!.id;
    // Warm up: every code path used below runs once before the baseline.
    await closeAll(await connect(server.wsUrl, token, bj, 5, 2));
    const base = await probe(server);

    const t0 = Date.now();
    const dashboards = await connect(server.wsUrl, token, bj, DASHBOARDS, 1);
    const connectS = (Date.now() - t0) / 1000;
    const withDashboards = await probe(server);
    await closeAll(dashboards);
    const afterDashboards = await probe(server);
    // A second round: what closing gives back, once the first round's one-off growth is done.
    await closeAll(await connect(server.wsUrl, token, bj, DASHBOARDS, 1));
    const afterSecondRound = await probe(server);
    // One change on the board: a closed subscription waiting for the next board ends only then.
    const desk = await login(server.url, 'desk');
    await must(gql(server.url, 'mutation($s: ID!) { recordWalkIn(siteId: $s, input: { kind: ASKING_WAY }) { seq } }', { s: bj }, desk));
    const afterChange = await probe(server);

    const capped = await connect(server.wsUrl, token, bj, CAP_SOCKETS, CAP);
    const withCapped = await probe(server);
    // One more on a full socket is refused; the socket and its other subscriptions stay.
    const one = await open(server.wsUrl, token);
    for (let i = 0; i < CAP; i++) subscribe(one.ws, `b${i}`, bj);
    subscribe(one.ws, 'beyond', bj);
    await until(() => one.messages.some((m) => m.id === 'beyond' && (m.type === 'error' || m.type === 'next')), one.ws);
    const beyond = one.messages.find((m) => m.id === 'beyond')!;
    const refusedCode = beyond.type === 'error' ? (beyond.payload?.[0]?.extensions?.code as string) : null;
    await until(() => new Set(one.messages.filter((m) => m.type === 'next').map((m) => m.id)).size === CAP, one.ws);
    const stillOpen = one.ws.readyState === one.ws.OPEN;
    await closeAll([...capped, one.ws]);

    const perDashboard = { rss: (withDashboards.rss - base.rss) / DASHBOARDS, heap: (withDashboards.heapUsed - base.heapUsed) / DASHBOARDS };
    // Each socket with its first subscription costs what a dashboard costs; the rest are the
    // further subscriptions.
    const extra = CAP_SOCKETS * (CAP - 1);
    const perSub = {
      rss: (withCapped.rss - afterChange.rss - CAP_SOCKETS * perDashboard.rss) / extra,
      heap: (withCapped.heapUsed - afterChange.heapUsed - CAP_SOCKETS * perDashboard.heap) / extra,
    };
    let load = '';
    try {
      load = execSync('uptime').toString().trim();
    } catch {
      load = `loadavg ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`;
    }
    const lines = [
      `memory benchmark — ${machine()}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model}), ${mib(os.totalmem())} RAM`,
      `load: ${load}`,
      `server: SQLite, demo company; board subscription as the wall screen selects it; GC forced before each reading`,
      '',
      row('at rest (after warm-up)', base),
      row(`${DASHBOARDS} dashboards, one board subscription each`, withDashboards),
      row('all closed', afterDashboards),
      row(`${DASHBOARDS} more connected, then closed`, afterSecondRound),
      row('then one board change', afterChange),
      row(`${CAP_SOCKETS} sockets × ${CAP} subscriptions (the cap)`, withCapped),
      '',
      `per dashboard (socket + 1 subscription): rss ${kib(perDashboard.rss)}, heap ${kib(perDashboard.heap)}   (connected in ${connectS.toFixed(1)} s)`,
      `per further subscription on a socket:    rss ${kib(perSub.rss)}, heap ${kib(perSub.heap)}`,
      `one socket at the cap (${CAP}):              ~${mib(perSub.rss * CAP)} rss at most by its subscriptions`,
      `subscription ${CAP + 1} on one socket: ${refusedCode ? `refused (${refusedCode})` : 'ACCEPTED — the cap did not hold'}; socket ${stillOpen ? 'still open with its ' + CAP : 'CLOSED'}`,
    ];
    console.log(lines.join('\n'));
    if (!refusedCode || !stillOpen) process.exitCode = 1;
  } catch (err) {
    console.error(server.output().split('\n').filter((l) => !l.includes('"msg":"phone lookup"')).slice(-15).join('\n'));
    throw err;
  } finally {
    await server.stop();
  }
}

await main();
