import { onScopeDispose, ref, watch } from 'vue';

// The wall screen and the desk call the consultant at the door aloud ("请 王经理 接待"),
// with the browser's own speech synthesis in the page's language. The mute switch is
// remembered per screen.

const MUTE_KEY = 'reception.announce.muted';

export function speechSupported(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window;
}

export function speak(text: string, lang: string): void {
  if (!speechSupported()) return;
  const u = new SpeechSynthesisUtterance(text);
  u.lang = lang;
  u.rate = 0.9;
  window.speechSynthesis.cancel();
  window.speechSynthesis.speak(u);
}

/** A walk-in given to someone: the log entry's number and who receives. */
export interface Call {
  seq: number;
  name: string;
}

/**
 * Announces each walk-in given to a consultant ("请 王经理 接待"), once, in log order.
 * `calls` lists the recent ones (null until the board is loaded); what was already there
 * when the screen opened is not announced. `defaultOn` is the screen's default when nothing
 * is remembered (the wall: on; the desk: off).
 */
export function useWalkInAnnouncer(
  calls: () => readonly Call[] | null,
  sentence: (name: string) => string,
  lang: () => string,
  defaultOn: boolean,
  scope: 'wall' | 'desk',
) {
  const key = `${MUTE_KEY}.${scope}`;
  const stored = localStorage.getItem(key);
  const on = ref(stored === null ? defaultOn : stored === 'on');
  let lastSeq: number | null = null;
  const spoken = ref<string | null>(null);

  const stop = watch(
    calls,
    (list) => {
      if (!list) return;
      const newest = list.reduce((n, c) => Math.max(n, c.seq), 0);
      if (lastSeq === null) {
        lastSeq = newest;
        return;
      }
      // After a long drop only the last few are still worth saying.
      const fresh = list
        .filter((c) => c.seq > lastSeq!)
        .sort((a, b) => a.seq - b.seq)
        .slice(-3);
      lastSeq = Math.max(lastSeq, newest);
      if (!on.value || !fresh.length) return;
      const text = fresh.map((c) => sentence(c.name)).join(' ');
      spoken.value = text;
      speak(text, lang());
    },
    { immediate: true },
  );

  function toggle() {
    on.value = !on.value;
    localStorage.setItem(key, on.value ? 'on' : 'off');
    if (!on.value && speechSupported()) window.speechSynthesis.cancel();
  }

  onScopeDispose(stop);
  return { on, toggle, spoken, supported: speechSupported() };
}

/** The speech language for a UI locale. */
export const speechLang = (locale: string) => (locale.startsWith('zh') ? 'zh-CN' : 'en-US');

/** Log entries that give a walk-in to someone, as calls. */
export function walkInCalls(
  events: ReadonlyArray<{ seq: number; type: string; consultant?: { displayName: string } | null }>,
): Call[] {
  return events
    .filter(
      (e) =>
        (e.type === 'WALK_IN_RECORDED' ||
          e.type === 'WALK_IN_ASSIGNED' ||
          e.type === 'ASSIGNED_BY_HAND') &&
        !!e.consultant,
    )
    .map((e) => ({ seq: e.seq, name: e.consultant!.displayName }));
}
