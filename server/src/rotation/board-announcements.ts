import { randomUUID } from 'node:crypto';

/** What an instance tells the others after a commit: this site's log now reaches `seq`. */
export interface BoardAnnouncement {
  origin: string;
  siteId: number;
  firstSeq: number;
  seq: number;
}

/**
 * Issue 17: between instances a change travels as a few numbers, not as the board. The whole
 * board (every reception of the day) went through Redis on every change: serializing it on one
 * side and parsing it on every other cost about a quarter of each instance's CPU under load.
 * Now each instance that has subscribers for the site builds the board from the shared log,
 * once for however many announcements arrived meanwhile, and hands it to its subscribers.
 */
export class BoardAnnouncements {
  readonly origin = randomUUID();
  /** Per site, the newest seq whose board this process's subscribers were given. */
  private readonly delivered = new Map<number, number>();
  private readonly following = new Map<number, { again: boolean }>();

  constructor(
    /** Builds and delivers the site's board with the events after `afterSeq`; its seq, or null. */
    private readonly rebuild: (siteId: number, afterSeq: number) => Promise<number | null>,
    /** Whether anyone here watches the site's board. */
    private readonly watched: (siteId: number) => boolean,
  ) {}

  /** A board of `seq` went to this process's subscribers. */
  gave(siteId: number, seq: number): void {
    if ((this.delivered.get(siteId) ?? -1) < seq) this.delivered.set(siteId, seq);
  }

  heard(a: BoardAnnouncement): void {
    if (a.origin === this.origin) return;
    const known = this.delivered.get(a.siteId);
    if (!this.watched(a.siteId)) {
      // Nobody here to tell: a subscriber arriving later starts from a whole board.
      this.gave(a.siteId, a.seq);
      return;
    }
    if (known === undefined) this.delivered.set(a.siteId, a.firstSeq - 1);
    else if (a.seq <= known) return;
    const run = this.following.get(a.siteId);
    if (run) run.again = true;
    else void this.follow(a.siteId);
  }

  private async follow(siteId: number): Promise<void> {
    const run = { again: true };
    this.following.set(siteId, run);
    try {
      while (run.again) {
        run.again = false;
        const seq = await this.rebuild(siteId, this.delivered.get(siteId) ?? 0);
        if (seq !== null) this.gave(siteId, seq);
      }
    } catch {
      // The database is away: the next change, or Redis's reconnect, fills the gap (watch).
    } finally {
      this.following.delete(siteId);
    }
  }
}
