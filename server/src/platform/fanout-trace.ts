/**
 * Timing marks of a board change's fan-out (issue 17), off unless FANOUT_TRACE=true: when this
 * process published the board (its own commit, or a rebuild after another instance's
 * announcement) and when it handed the shared bytes to the first and the last socket. One JSON
 * line per change on stdout, read by test/bench/fanout-instances.ts. Wall clock (ms), so the
 * marks of instances on one machine compare.
 */
let on = false;
const wall = () => performance.timeOrigin + performance.now();

interface Mark {
  seq: number;
  how: 'commit' | 'rebuild';
  heard?: number;
  published: number;
  first?: number;
  last?: number;
  sockets: number;
}

let current: Mark | null = null;
let reportTimer: NodeJS.Timeout | undefined;

export function enableFanoutTrace(enabled: boolean): void {
  on = enabled;
}

/** An announcement from another instance arrived (the rebuild starts). */
let heardAt: number | undefined;
export function traceHeard(): void {
  if (on && (heardAt === undefined || wall() - heardAt > 5000)) heardAt = wall();
}

/** A board of `seq` went to this process's bus. */
export function tracePublished(seq: number, how: Mark['how']): void {
  if (!on) return;
  report();
  current = { seq, how, heard: how === 'rebuild' && heardAt !== undefined && wall() - heardAt < 5000 ? heardAt : undefined, published: wall(), sockets: 0 };
  heardAt = undefined;
}

/** The shared bytes of the current change went to one more socket. */
export function traceSend(): void {
  if (!on || !current) return;
  const at = wall();
  if (current.first === undefined) {
    current.first = at;
    // Reported when the next change is published, or once the sends have stopped for a while.
    reportTimer = setTimeout(reportWhenQuiet, 300);
  }
  current.last = at;
  current.sockets += 1;
}

function reportWhenQuiet(): void {
  if (current?.last !== undefined && wall() - current.last < 300) reportTimer = setTimeout(reportWhenQuiet, 300);
  else report();
}

function report(): void {
  clearTimeout(reportTimer);
  if (!current) return;
  const m = current;
  current = null;
  process.stdout.write(`${JSON.stringify({ fanoutTrace: m })}\n`);
}
