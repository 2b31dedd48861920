// Shared pieces of the benchmark scripts (not tests: they print figures).
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Pool } from 'undici';
import { gql } from '../support/server.js';

/** Wall-clock milliseconds with sub-millisecond resolution, comparable across processes. */
export const wallMs = () => performance.timeOrigin + performance.now();

/** The whole board, as a wall screen would select it; `seq` first so a reader finds it in the first bytes. */
export const BOARD_FIELDS = /* GraphQL */ `
  seq siteId day at round
  atDoor { id displayName }
  phoneDuty { id displayName }
  upNext { id displayName }
  consultants {
    consultant { id displayName } state position since inShift shiftStart shiftEnd phoneDuty next
    busyWith { id kind status }
    priorityMakeUps makeUps counted
  }
  waiting { ...R }
  receptions { ...R }
  walkInsByKind { kind count }
  alerts { id kind at receptionId consultant { id displayName } params }
  events { seq type at day actor { id displayName } consultant { id displayName } receptionId reason rule explanation undoable }
`;
export const RECEPTION_FRAGMENT = /* GraphQL */ `
  fragment R on Reception {
    id
    kind
    customerName
    phoneMasked
    partySize
    unitsAsked
    consultant {
      id
      displayName
    }
    owner {
      id
      displayName
    }
    status
    arrivedAt
    startedAt
    endedAt
    counted
    credit {
      consultant {
        id
        displayName
      }
      share
    }
    rule
    explanation
    secondApproved
    nonBuyer
    sameDayDeal
  }
`;
export const BOARD_SUBSCRIPTION = `subscription Board($siteId: ID!, $afterSeq: Int) { rotationBoard(siteId: $siteId, afterSeq: $afterSeq) { ${BOARD_FIELDS} } } ${RECEPTION_FRAGMENT}`;
const rowsChange = (row: string) => `removed upserted { index row { ${row} } }`;
/** Issue 17: the board as changes, selected like BOARD_FIELDS; `seq` first. */
export const FEED_FIELDS = /* GraphQL */ `
  seq baseSeq complete
  board { ${BOARD_FIELDS} }
  change {
    seq baseSeq siteId day at round
    atDoor { id displayName }
    phoneDuty { id displayName }
    upNext { id displayName }
    walkInsByKind { kind count }
    consultants { ${rowsChange(`consultant { id displayName } state position since inShift shiftStart shiftEnd phoneDuty next
      busyWith { id kind status } priorityMakeUps makeUps counted`)} }
    waiting { ${rowsChange('...R')} }
    receptions { ${rowsChange('...R')} }
    alerts { ${rowsChange('id kind at receptionId consultant { id displayName } params')} }
    events { seq type at day actor { id displayName } consultant { id displayName } receptionId reason rule explanation undoable }
  }
`;
export const FEED_SUBSCRIPTION = `subscription Feed($siteId: ID!, $afterSeq: Int) { rotationBoardFeed(siteId: $siteId, afterSeq: $afterSeq) { ${FEED_FIELDS} } } ${RECEPTION_FRAGMENT}`;
export const BOARD_QUERY = `query Board($siteId: ID!) { rotationBoard(siteId: $siteId) { ${BOARD_FIELDS} } } ${RECEPTION_FRAGMENT}`;

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summary(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: percentile(s, 50),
    p99: percentile(s, 99),
    max: s[s.length - 1] ?? NaN,
  };
}

export const fmt = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(1)} ms` : 'n/a');

export type Gql = typeof gql;
/** A GraphQL call that throws on any error, so a benchmark never measures failures silently. */
export async function must<T>(call: ReturnType<Gql>): Promise<T> {
  const r = await call;
  if (r.errors?.length || !r.data) throw new Error(`GraphQL error: ${JSON.stringify(r.errors)}`);
  return r.data as T;
}

/**
 * A load generator's GraphQL client: keep-alive connections per server (undici's Pool), about a
 * third of `fetch`'s CPU per request. The clients share the machine's cores with the servers
 * under test, so a cheaper client leaves the servers what they would have on their own host.
 * Answers as `gql` does.
 */
export function pooledGql(connections: number) {
  const pools = new Map<string, Pool>();
  const call: Gql = async (url, query, variables, token) => {
    let pool = pools.get(url);
    if (!pool) pools.set(url, (pool = new Pool(url, { connections, pipelining: 1 })));
    const res = await pool.request({
      path: '/graphql',
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.body.json()) as never;
  };
  return { gql: call, close: () => Promise.all([...pools.values()].map((p) => p.close())) };
}

/**
 * Makes the riverside office's floor usable at any hour: every consultant on shift all day,
 * every day, and checked in. Returns the site id and the consultants' ids.
 */
export async function prepareFloor(
  url: string,
  token: string,
): Promise<{ siteId: string; consultants: string[] }> {
  const { sites } = await must<{ sites: Array<{ id: string; name: string }> }>(
    gql(url, '{ sites { id name } }', undefined, token),
  );
  const site = sites.find((s) => s.name === '滨江售楼处');
  if (!site) throw new Error(`site 滨江售楼处 not found among ${JSON.stringify(sites)}`);
  const { siteConsultants } = await must<{ siteConsultants: Array<{ id: string }> }>(
    gql(url, 'query($s: ID!) { siteConsultants(siteId: $s) { id } }', { s: site.id }, token),
  );
  const ids = siteConsultants.map((c) => c.id);
  const shifts = allDayShifts(ids);
  await must(
    gql(
      url,
      'mutation($s: ID!, $shifts: [ShiftTemplateInput!]!) { setShiftTemplates(siteId: $s, shifts: $shifts) { id } }',
      { s: site.id, shifts },
      token,
    ),
  );
  for (const id of ids) {
    const r = await gql(
      url,
      'mutation($s: ID!, $c: ID!) { checkIn(siteId: $s, consultantId: $c) { seq } }',
      { s: site.id, c: id },
      token,
    );
    // The demo floor may already have them on the floor.
    const reason = r.errors?.[0]?.extensions?.reason;
    if (r.errors?.length && reason !== 'ALREADY_ON_FLOOR')
      throw new Error(`checkIn ${id}: ${JSON.stringify(r.errors)}`);
  }
  return { siteId: site.id, consultants: ids };
}

/** With CPU_PROFILE_DIR set, the server process writes a .cpuprofile there when it exits. */
export function profileEnv(): Record<string, string> {
  // BENCH_SERVER_NODE_OPTIONS: V8 flags for the servers alone (e.g. --max-semi-space-size=32).
  const flags = process.env.BENCH_SERVER_NODE_OPTIONS;
  const dir = process.env.CPU_PROFILE_DIR;
  if (!dir) return flags ? { NODE_OPTIONS: flags } : {};
  const preload = pathToFileURL(
    path.join(path.dirname(fileURLToPath(import.meta.url)), 'cpu-profile.mjs'),
  ).href;
  return { NODE_OPTIONS: `--import=${preload}${flags ? ` ${flags}` : ''}`, CPU_PROFILE_DIR: path.resolve(dir) };
}

export function machine(): string {
  return `${process.platform} ${process.arch}, node ${process.version}`;
}

/** Every consultant on shift all day, every day of the week (the benchmarks' floors). */
export function allDayShifts(ids: string[]) {
  return ids.flatMap((consultantId) =>
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      consultantId,
      weekday,
      startTime: '00:00',
      endTime: '23:59',
    })),
  );
}
