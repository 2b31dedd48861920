import { describe, expect, it } from 'vitest';
import { BoardAnnouncements } from './board-announcements.js';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('issue 17: changes between instances travel as numbers; each instance builds the board from the log', () => {
  function setup(head: { seq: number }, watched = true) {
    const builds: Array<[number, number]> = [];
    const a = new BoardAnnouncements(
      async (siteId, afterSeq) => {
        builds.push([siteId, afterSeq]);
        await tick();
        return head.seq > afterSeq ? head.seq : null;
      },
      () => watched,
    );
    return { a, builds };
  }

  it('an announcement from another instance builds the board once from where this one stands; a burst is one build more', async () => {
    const head = { seq: 12 };
    const { a, builds } = setup(head);
    a.heard({ origin: 'other', siteId: 1, firstSeq: 11, seq: 12 });
    // Three more while that build runs: one more build covers them all.
    head.seq = 15;
    for (const seq of [13, 14, 15]) a.heard({ origin: 'other', siteId: 1, firstSeq: seq, seq });
    await tick();
    await tick();
    await tick();
    expect(builds).toEqual([
      [1, 10],
      [1, 15],
    ]);
  });

  it('its own announcements, ones already given and sites nobody here watches build nothing', async () => {
    const { a, builds } = setup({ seq: 20 });
    a.heard({ origin: a.origin, siteId: 1, firstSeq: 1, seq: 5 });
    a.gave(2, 20);
    a.heard({ origin: 'other', siteId: 2, firstSeq: 18, seq: 19 });
    await tick();
    expect(builds).toEqual([]);
    const unwatched = setup({ seq: 30 }, false);
    unwatched.a.heard({ origin: 'other', siteId: 3, firstSeq: 30, seq: 30 });
    await tick();
    expect(unwatched.builds).toEqual([]);
    // Later watched, it starts from what it skipped, not from the beginning of the log.
    (unwatched.a as unknown as { watched: () => boolean }).watched = () => true;
    unwatched.a.heard({ origin: 'other', siteId: 3, firstSeq: 31, seq: 31 });
    await tick();
    expect(unwatched.builds).toEqual([[3, 30]]);
  });

  it('a failed build (the database away) is dropped; the next announcement builds again', async () => {
    let fail = true;
    const builds: number[] = [];
    const a = new BoardAnnouncements(
      async (_siteId, afterSeq) => {
        builds.push(afterSeq);
        if (fail) throw new Error('database away');
        return 9;
      },
      () => true,
    );
    a.heard({ origin: 'other', siteId: 1, firstSeq: 8, seq: 8 });
    await tick();
    fail = false;
    a.heard({ origin: 'other', siteId: 1, firstSeq: 9, seq: 9 });
    await tick();
    expect(builds).toEqual([7, 7]);
  });
});
