// Sign-in under a flood (issue 14): 100 parallel wrong passwords from one address against one
// account, and meanwhile a legitimate sign-in from another address. Prints its latency (target
// under 300 ms) next to a quiet sign-in, for BENCH_ROUNDS rounds (each flood on another account,
// since the first flood locks its target).
//
//   pnpm --filter @reception/server build && pnpm --filter @reception/test bench:signin
import os from 'node:os';
import { startServer } from '../support/server.js';
import { fmt, machine, summary } from './support.js';

const FLOOD = Number(process.env.BENCH_FLOOD ?? 100);
const TARGETS = ['wang', 'li', 'zhang', 'liu', 'chen', 'yang'];
const ROUNDS = Math.min(Number(process.env.BENCH_ROUNDS ?? 5), TARGETS.length);
const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { token } }';

async function main() {
  const server = await startServer({
    env: { NODE_ENV: 'production', JWT_SECRET: 'bench-secret-bench-secret-bench-secret-01', DEMO_DATA: 'true', TRUST_PROXY: 'true', LOG_LEVEL: 'info' },
  });
  const signIn = async (username: string, password: string, address: string) => {
    const t0 = performance.now();
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ query: LOGIN, variables: { i: { username, password } } }),
    });
    const body = (await res.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
    return { ms: performance.now() - t0, ok: Boolean(body.data), code: body.errors?.[0]?.extensions?.code };
  };
  try {
    // Warm up (the dummy hash, connections).
    for (let i = 0; i < 3; i++) await signIn('desk', 'demo1234', '10.0.0.1');
    const quiet: number[] = [];
    for (let i = 0; i < 5; i++) quiet.push((await signIn('desk', 'demo1234', '10.0.0.1')).ms);
    const flooded: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const attacker = `10.66.0.${r + 1}`;
      const flood = Promise.all(Array.from({ length: FLOOD }, () => signIn(TARGETS[r], 'wrong-password', attacker)));
      await new Promise((res) => setTimeout(res, 20));
      const legit = await signIn('desk', 'demo1234', '10.0.0.1');
      if (!legit.ok) throw new Error(`the legitimate sign-in failed: ${legit.code}`);
      flooded.push(legit.ms);
      const results = await flood;
      const refused = results.filter((x) => x.code === 'TOO_MANY_REQUESTS').length;
      console.log(`round ${r + 1}: legit sign-in ${fmt(legit.ms)}; flood: ${FLOOD - refused} wrong passwords checked, ${refused} refused before hashing`);
    }
    const q = summary(quiet);
    const f = summary(flooded);
    console.log(`\n${machine()}, ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    console.log(`quiet sign-in:   p50 ${fmt(q.p50)}  max ${fmt(q.max)}`);
    console.log(`during a flood of ${FLOOD}: p50 ${fmt(f.p50)}  max ${fmt(f.max)}  (target < 300 ms)`);
  } finally {
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
