// Preload for the server process under benchmark (node does not accept --cpu-prof in
// NODE_OPTIONS): SERVER_NODE_OPTIONS="--import=/abs/path/test/bench/cpu-profile.mjs" with
// CPU_PROFILE_DIR=/tmp/prof. Writes one .cpuprofile when the process exits; SIGUSR2 writes the
// profile so far and starts a new one (a benchmark cuts out a phase, e.g. its measurements).
import { Session } from 'node:inspector';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.env.CPU_PROFILE_DIR ?? '.';
const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 500 });
session.post('Profiler.start');
let part = 0;
function write() {
  // Same-thread inspector sessions answer synchronously, so this runs before the process ends.
  session.post('Profiler.stop', (err, res) => {
    if (err) return;
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `server-${process.pid}-${part++}.cpuprofile`), JSON.stringify(res.profile));
  });
}
process.on('exit', write);
process.on('SIGUSR2', () => {
  write();
  session.post('Profiler.start');
});
