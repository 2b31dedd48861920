import { onScopeDispose, ref, watch, type Ref } from 'vue';

// Calling a consultant whose turn comes (issue 16): a chime (Web Audio, no file to load),
// a vibration where the device has one, and a system notification while the page is in
// the background. Browsers let a page make sound only after the person touched it, and
// ask for notifications only from a tap: unlock() is called from the page's own taps.

/** At the door (their turn), a walk-in given to them, or phone duty (R13). */
export type CallKind = 'door' | 'customer' | 'phone';

let audio: AudioContext | null = null;

function audioContext(): AudioContext | null {
  if (audio) return audio;
  const Ctor =
    window.AudioContext ??
    (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctor) return null;
  try {
    audio = new Ctor();
  } catch {
    return null;
  }
  return audio;
}

/** Rising tones for the door and a customer, two falling ones for phone duty. */
export function chime(kind: CallKind): void {
  const ctx = audioContext();
  if (!ctx) return;
  if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
  const notes = kind === 'phone' ? [880, 660] : [660, 880, 1100];
  const start = ctx.currentTime + 0.05;
  notes.forEach((freq, i) => {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    const t0 = start + i * 0.28;
    gain.gain.setValueAtTime(0.0001, t0);
    gain.gain.exponentialRampToValueAtTime(0.6, t0 + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 0.25);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t0);
    osc.stop(t0 + 0.26);
  });
}

export function vibrate(kind: CallKind): void {
  if (typeof navigator.vibrate !== 'function') return;
  navigator.vibrate(kind === 'phone' ? [250, 120, 250] : [400, 150, 400, 150, 400]);
}

export type NotificationState = 'granted' | 'denied' | 'default' | 'unsupported';

export function notificationState(): NotificationState {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** A system notification, only when the page is not what the person is looking at. */
export function notifyInBackground(title: string, body: string): void {
  if (notificationState() !== 'granted' || document.visibilityState === 'visible') return;
  try {
    new Notification(title, { body, tag: 'reception-turn' });
  } catch {
    // Some mobile browsers only notify through a service worker; the sound and vibration remain.
  }
}

/**
 * Watches the consultant's call and calls them when a new one starts: `source` gives its
 * kind and a key that changes with each new call (the reception's id for a customer).
 * Not on the first value seen: opening the page is not a new turn.
 */
export function useTurnCall(
  source: () => { kind: CallKind; key: string } | null | undefined,
  texts: (kind: CallKind) => { title: string; body: string },
) {
  const calling: Ref<CallKind | null> = ref(null);
  const permission = ref<NotificationState>(notificationState());
  let seen = false;

  const stop = watch(
    () => source(),
    (call, before) => {
      if (!seen) {
        // `undefined` until the board arrives: the first real value only sets the baseline.
        seen = call !== undefined;
        return;
      }
      if (!call) {
        calling.value = null;
        return;
      }
      if (call.key === before?.key) return;
      calling.value = call.kind;
      chime(call.kind);
      vibrate(call.kind);
      const { title, body } = texts(call.kind);
      notifyInBackground(title, body);
    },
    { immediate: true },
  );

  /** From a tap: lets the page make sound and asks once for notifications. */
  function unlock(askNotifications = true) {
    const ctx = audioContext();
    if (ctx?.state === 'suspended') void ctx.resume().catch(() => undefined);
    if (askNotifications && notificationState() === 'default') {
      void Notification.requestPermission().then((p) => {
        permission.value = p;
      });
    }
  }

  function dismiss() {
    calling.value = null;
    unlock(false);
  }

  onScopeDispose(stop);
  return { calling, permission, unlock, dismiss };
}
