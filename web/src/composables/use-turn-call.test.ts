import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import { useTurnCall, type CallKind } from './use-turn-call';

// Calling the next turn (issue 16): a new call chimes, vibrates and notifies in the
// background; opening the page on a turn already running does not.
describe('useTurnCall', () => {
  const tones: number[] = [];
  const vibrations: unknown[] = [];
  const notifications: string[] = [];

  beforeEach(() => {
    tones.length = 0;
    vibrations.length = 0;
    notifications.length = 0;
    class FakeAudio {
      state = 'running';
      currentTime = 0;
      destination = {};
      resume = () => Promise.resolve();
      createGain = () => ({
        gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} },
        connect: (x: unknown) => x,
      });
      createOscillator = () => ({
        frequency: { value: 0 },
        connect: (x: unknown) => x,
        start: () => tones.push(1),
        stop() {},
      });
    }
    vi.stubGlobal('AudioContext', FakeAudio);
    vi.stubGlobal('navigator', { ...navigator, vibrate: (p: unknown) => vibrations.push(p) });
    class FakeNotification {
      static permission = 'granted';
      constructor(title: string) {
        notifications.push(title);
      }
    }
    vi.stubGlobal('Notification', FakeNotification);
  });
  afterEach(() => vi.unstubAllGlobals());

  function run(initial: { kind: CallKind; key: string } | null | undefined) {
    const source = ref(initial);
    const scope = effectScope();
    const call = scope.run(() =>
      useTurnCall(
        () => source.value,
        (kind) => ({ title: `title-${kind}`, body: 'body' }),
      ),
    )!;
    return { source, call, scope };
  }

  it('does not call for the turn already running when the page opens', async () => {
    const { call } = run({ kind: 'door', key: 'door' });
    await nextTick();
    expect(call.calling.value).toBeNull();
    expect(tones).toHaveLength(0);
  });

  it('calls once when the turn comes, again for a new customer, and not for the same one', async () => {
    const { source, call } = run(undefined);
    source.value = null; // the board arrived: not in line yet
    await nextTick();
    source.value = { kind: 'door', key: 'door' };
    await nextTick();
    expect(call.calling.value).toBe('door');
    expect(tones.length).toBeGreaterThan(0);
    expect(vibrations).toHaveLength(1);
    call.dismiss();
    expect(call.calling.value).toBeNull();

    source.value = { kind: 'customer', key: 'customer:r7' };
    await nextTick();
    expect(call.calling.value).toBe('customer');
    source.value = { kind: 'customer', key: 'customer:r7' };
    await nextTick();
    expect(vibrations).toHaveLength(2);
  });

  it('notifies only while the page is in the background', async () => {
    const { source } = run(null);
    await nextTick();
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible');
    source.value = { kind: 'phone', key: 'phone' };
    await nextTick();
    expect(notifications).toEqual([]);
    source.value = null;
    await nextTick();
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    source.value = { kind: 'door', key: 'door' };
    await nextTick();
    expect(notifications).toEqual(['title-door']);
  });
});
