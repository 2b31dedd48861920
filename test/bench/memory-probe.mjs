// Preloaded into the server by bench/memory.ts (NODE_OPTIONS=--import): on SIGUSR2 it forces
// a full garbage collection and prints the process's memory as one JSON log line.
import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

process.on('SIGUSR2', () => {
  gc();
  gc();
  const m = process.memoryUsage();
  process.stdout.write(`${JSON.stringify({ memoryProbe: { rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers } })}\n`);
});
