// Summarises a .cpuprofile (from cpu-profile.mjs): self and total time by function, top N.
//   node test/bench/profile-summary.mjs /tmp/prof/server-123.cpuprofile [top=30] [from-s] [to-s]
// from/to (seconds since the profile started) narrow it to a phase, e.g. the connects.
import { readFileSync } from 'node:fs';

const [file, topArg, fromArg, toArg] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary.mjs file.cpuprofile [top] [from-s] [to-s]');
const top = Number(topArg ?? 30);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const name = (n) => {
  const f = n.callFrame;
  const where = f.url ? `${f.url.replace(/^.*\/(node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?)?/, '')}:${f.lineNumber + 1}` : '';
  return `${f.functionName || '(anonymous)'} ${where}`.trim();
};

const self = new Map();
const total = new Map();
const from = Number(fromArg ?? 0) * 1e6;
const to = toArg === undefined ? Infinity : Number(toArg) * 1e6;
let t = 0;
let sum = 0;
profile.samples.forEach((id, i) => {
  t += profile.timeDeltas[i];
  if (t < from || t > to) return;
  const dt = profile.timeDeltas[i + 1] ?? 0;
  sum += dt;
  const leaf = byId.get(id);
  self.set(name(leaf), (self.get(name(leaf)) ?? 0) + dt);
  const seen = new Set();
  for (let n = id; n !== undefined; n = parent.get(n)) {
    const k = name(byId.get(n));
    if (seen.has(k)) continue;
    seen.add(k);
    total.set(k, (total.get(k) ?? 0) + dt);
  }
});

const print = (title, m) => {
  console.log(`\n${title} (of ${(sum / 1000).toFixed(0)} ms sampled)`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${(v / 1000).toFixed(0).padStart(8)} ms ${((100 * v) / sum).toFixed(1).padStart(5)}%  ${k}`);
};
print('self time by function', self);
print('total time by function', total);
