import { SiteEntity } from '../accounts/accounts.entity.js';
import type { Clock } from '../platform/clock.js';
import type { DataSource } from 'typeorm';
import type { EventBus } from '../platform/pubsub.js';
import { projectBoard, type RotationSettings, type RotationState, type ShiftWindow } from './domain/index.js';
import { RotationHeadEntity } from './rotation.entity.js';
import { endable } from '../platform/endable.js';
import { attachDirect, offerDirect, type Take } from '../platform/direct.js';
import { BoardAnnouncements, type BoardAnnouncement } from './board-announcements.js';
import { traceHeard, tracePublished } from '../platform/fanout-trace.js';
import { Fanout } from '../platform/fanout.js';
import type { RotationBoardView } from './rotation.types.js';
import { boardView, eventView, type Names, type StoredEvent } from './rotation.view.js';
import type { SharedBoards } from './shared-boards.js';
import { undoableSeqs, type FloorStates } from './rotation.state.js';
import type { SiteRules } from './rotation.rules.js';

export const BOARD_CHANGED = 'ROTATION_BOARD_CHANGED';
/** Between instances (Redis): a site's log grew; see BoardAnnouncements. */
export const BOARD_ANNOUNCED = 'ROTATION_BOARD_ANNOUNCED';

/** The live board: each site's changes to this process's subscribers, and to the other instances. */
export class LiveBoards {
  /**
   * One bus listener per site, however many boards are watched (issue 17). Local only: boards
   * are published by this process (BOARD_ANNOUNCED is what travels), so no Redis channel.
   */
  private readonly boardChanges = new Fanout<RotationBoardView>(
    (key) => this.bus.subscribeLocal<RotationBoardView>(BOARD_CHANGED, Number(key)),
    true,
  );
  private readonly announcements = new BoardAnnouncements(
    (siteId, afterSeq) => this.rebuildBoard(siteId, afterSeq),
    (siteId) => this.boardChanges.has(String(siteId)),
  );

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly bus: EventBus,
    private readonly floor: FloorStates,
    private readonly rules: SiteRules,
    private readonly names: (companyId: number) => Promise<Names>,
    /** The first board of subscribers connecting at the same seq, built once (issue 17). */
    readonly firstBoards: SharedBoards<RotationBoardView>,
  ) {
    // Changes announced while Redis was away may not have reached every instance.
    bus.onReconnect(() => void this.announceHeads());
    if (bus.status() !== 'memory') this.hearAnnouncements().catch(() => undefined);
  }

  /** After a batch's commit: the board to this process's subscribers, the numbers to the others. */
  committed(siteId: number, state: RotationState, appended: StoredEvent[], known: Names, at: { now: Date; shifts: ShiftWindow[]; settings: RotationSettings }) {
    const { now, shifts, settings } = at;
    // One board per batch, with all its events, and only when someone here watches the site;
    // to the other instances it goes as numbers (BoardAnnouncements).
    if (this.boardChanges.has(String(siteId))) {
      const board = projectBoard(state, { now, shifts, settings });
      tracePublished(state.seq, 'commit');
      this.bus.publishLocal(BOARD_CHANGED, siteId, boardView(siteId, state.seq, board, known, appended, undoableSeqs(state)));
    }
    this.announcements.gave(siteId, state.seq);
    if (this.bus.status() !== 'memory') {
      const announcement: BoardAnnouncement = { origin: this.announcements.origin, siteId, firstSeq: appended[0].seq, seq: state.seq };
      this.bus.pubSub.publish(BOARD_ANNOUNCED, announcement);
    }
  }

  liveBoard(siteOf: () => Promise<Readonly<SiteEntity>>, afterSeq: number | null | undefined): AsyncGenerator<RotationBoardView> {
    let live: AsyncIterator<unknown> | undefined;
    const direct: { up?: Take<RotationBoardView> } = {};
    // A closed subscription ends now, not at the site's next change (see endable).
    const boards = endable(this.watchBoard(siteOf, afterSeq, (it) => (live = it), direct), () => live);
    offerDirect<Take<RotationBoardView>>(boards, (take) => (direct.up = take));
    return boards;
  }

  private async *watchBoard(
    siteOf: () => Promise<Readonly<SiteEntity>>,
    afterSeq: number | null | undefined,
    started: (live: AsyncIterator<unknown>) => void,
    direct: { up?: Take<RotationBoardView> },
  ): AsyncGenerator<RotationBoardView> {
    const site = await siteOf();
    const siteId = site.id;
    const p = { companyId: site.companyId };
    // Subscribe before reading, so a change committed in between is not lost (the fan-out
    // listens from this call on).
    const live = this.boardChanges.subscribe(String(siteId))[Symbol.asyncIterator]();
    started(live);
    let pending = live.next();
    let lastSeq = 0;
    /** Waiting below for the next board, with nothing of this subscription in flight above. */
    let parked = false;
    // The direct path (see direct.ts): what the loop below does with a board that needs no
    // filtering and fills no gap, done in the fan-out's own call.
    attachDirect<Take<RotationBoardView>>(live, (published) => {
      if (!parked || !direct.up) return false;
      if (published.seq <= lastSeq) return true;
      const seen = lastSeq;
      if ((published.events[0]?.seq ?? published.seq) > seen + 1 || published.events.some((e) => e.seq <= seen)) return false;
      if (!direct.up(published)) return false;
      lastSeq = published.seq;
      return true;
    });
    try {
      // One read of the state: the board and the missed events are of the same seq. Read after
      // subscribing, together with whoever subscribed just before (see NextRead).
      const state = await this.floor.currentState(siteId, true);
      const from = afterSeq != null && afterSeq < state.seq ? afterSeq : null;
      // Shared by every subscriber at this seq and catch-up point (see SharedBoards).
      const current = await this.firstBoards.get(`${siteId}:${state.seq}:${from ?? ''}`, async () => {
        const missed = from !== null ? await this.floor.eventsAfter(siteId, from, state.seq) : [];
        return this.currentBoard(siteId, site.timezone, p.companyId, missed, state);
      });
      lastSeq = current.seq;
      // A client already at the head gets nothing until the next change.
      if (afterSeq == null || afterSeq !== current.seq) yield current;
      for (;;) {
        parked = true;
        const next = await pending;
        parked = false;
        if (next.done) return;
        pending = live.next();
        const published = next.value as RotationBoardView;
        if (published.seq <= lastSeq) continue;
        // A board built from the log (another instance's change) may carry events this
        // subscriber already had from a local change: each event goes once.
        const seen = lastSeq;
        // Checked before filtering: this runs per subscriber and change, and mostly all are fresh.
        const change = published.events.some((e) => e.seq <= seen) ? { ...published, events: published.events.filter((e) => e.seq > seen) } : published;
        const firstSeq = change.events[0]?.seq ?? change.seq;
        if (firstSeq > lastSeq + 1) {
          const names = await this.names(p.companyId);
          const gap = (await this.floor.eventsAfter(siteId, lastSeq, firstSeq - 1)).map((e) => eventView(names, e, new Set()));
          lastSeq = change.seq;
          yield { ...change, events: [...gap, ...change.events] };
          continue;
        }
        lastSeq = change.seq;
        yield change;
      }
    } finally {
      await live.return?.();
    }
  }

  /** The other instances' announcements, for as long as the process runs. */
  private async hearAnnouncements(): Promise<void> {
    for await (const a of this.bus.pubSub.subscribe(BOARD_ANNOUNCED) as AsyncIterable<BoardAnnouncement>) {
      traceHeard();
      this.announcements.heard(a);
    }
  }

  /** The site's board at its head, with the events after `afterSeq`, to this process's subscribers. */
  private async rebuildBoard(siteId: number, afterSeq: number): Promise<number | null> {
    const [site, state] = await Promise.all([this.ds.getRepository(SiteEntity).findOneBy({ id: siteId }), this.floor.currentState(siteId)]);
    if (!site || state.seq <= afterSeq) return null;
    const events = await this.floor.eventsAfter(siteId, afterSeq, state.seq);
    const board = await this.currentBoard(siteId, site.timezone, site.companyId, events, state);
    tracePublished(board.seq, 'rebuild');
    this.bus.publishLocal(BOARD_CHANGED, siteId, board);
    return state.seq;
  }

  /**
   * After an outage of the event bus (Redis), each site's board at its head goes to this
   * process's subscribers with the head's event: a subscriber behind it fills the gap from
   * the log (watch), one already at the head ignores it. Nothing missed, nothing twice.
   */
  async announceHeads(): Promise<void> {
    try {
      const heads = await this.ds.getRepository(RotationHeadEntity).find({ select: { siteId: true, lastSeq: true } });
      for (const { siteId, lastSeq } of heads) {
        if (!lastSeq) continue;
        const site = await this.ds.getRepository(SiteEntity).findOneBy({ id: siteId });
        if (!site) continue;
        const state = await this.floor.currentState(siteId);
        const last = await this.floor.eventsAfter(siteId, state.seq - 1, state.seq);
        this.bus.publishLocal(BOARD_CHANGED, siteId, await this.currentBoard(siteId, site.timezone, site.companyId, last, state));
        this.announcements.gave(siteId, state.seq);
      }
    } catch {
      // The database is away too: the next change fills every gap (watch).
    }
  }

  async currentBoard(
    siteId: number,
    timezone: string,
    companyId: number,
    events: StoredEvent[],
    read?: RotationState,
  ): Promise<RotationBoardView> {
    const state = read ?? (await this.floor.currentState(siteId));
    const now = this.clock.now();
    // Independent reads, at once: another instance's change waits for this rebuild (issue 17).
    const [settings, shifts, names] = await Promise.all([
      this.rules.settingsIn(this.ds.manager, siteId, timezone),
      this.rules.shiftsIn(this.ds.manager, siteId, now, timezone),
      this.names(companyId),
    ]);
    const board = projectBoard(state, { now, shifts, settings });
    return boardView(siteId, state.seq, board, names, events, undoableSeqs(state));
  }
}
