// Date pickers give a wall-clock time ("2026-11-24 15:30"); the register stores instants.
// The wall clock is the site's (use-format.ts shows every time in the site's time zone), so
// a manager in another zone enters the deal time as the sales office saw it.

const WALL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$/;

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** "YYYY-MM-DD HH:mm" (or a day alone: midnight) in `timeZone` → ISO instant; null if malformed. */
export function siteWallClockToIso(
  wall: string | null | undefined,
  timeZone: string,
): string | null {
  const m = wall ? WALL.exec(wall.trim()) : null;
  if (!m) return null;
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0'].map(Number);
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  // Twice: the offset at the first answer may differ across a daylight-saving change.
  let instant = guess - offsetAt(guess, timeZone);
  instant = guess - offsetAt(instant, timeZone);
  return new Date(instant).toISOString();
}

/** An instant → "YYYY-MM-DD HH:mm" on the wall clock of `timeZone` (a picker's value). */
export function isoToSiteWallClock(at: string | number | Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(at));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}
