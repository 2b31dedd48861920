import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import { useWalkInAnnouncer, walkInCalls, type Call } from './use-announce';

// "请 王经理 接待": each walk-in given to someone is said once; the mute switch is remembered.
describe('useWalkInAnnouncer', () => {
  const spoken: string[] = [];
  beforeEach(() => {
    spoken.length = 0;
    localStorage.clear();
    vi.stubGlobal(
      'SpeechSynthesisUtterance',
      class {
        lang = '';
        rate = 1;
        constructor(public text: string) {}
      },
    );
    vi.stubGlobal('speechSynthesis', {
      cancel() {},
      speak: (u: { lang: string; text: string }) => spoken.push(`${u.lang}:${u.text}`),
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  function run(defaultOn: boolean) {
    const calls = ref<Call[] | null>(null);
    const a = effectScope().run(() =>
      useWalkInAnnouncer(
        () => calls.value,
        (name) => `请 ${name} 接待`,
        () => 'zh-CN',
        defaultOn,
        'wall',
      ),
    )!;
    return { calls, a };
  }

  it('says each new walk-in once, not those already there when the screen opened', async () => {
    const { calls } = run(true);
    calls.value = [{ seq: 4, name: '李强' }];
    await nextTick();
    expect(spoken).toEqual([]);
    calls.value = [
      { seq: 6, name: '王芳' },
      { seq: 4, name: '李强' },
    ];
    await nextTick();
    expect(spoken).toEqual(['zh-CN:请 王芳 接待']);
    calls.value = [...calls.value];
    await nextTick();
    expect(spoken).toHaveLength(1);
  });

  it('stays silent when muted, and remembers the switch', async () => {
    const { calls, a } = run(true);
    calls.value = [];
    await nextTick();
    a.toggle();
    calls.value = [{ seq: 9, name: '王芳' }];
    await nextTick();
    expect(spoken).toEqual([]);
    expect(run(true).a.on.value).toBe(false);
  });

  it('names only events that give a walk-in to someone', () => {
    const person = { displayName: '王芳' };
    expect(
      walkInCalls([
        { seq: 3, type: 'CHECKED_IN', consultant: person },
        { seq: 4, type: 'WALK_IN_RECORDED', consultant: person },
        { seq: 5, type: 'WALK_IN_RECORDED', consultant: null },
      ]),
    ).toEqual([{ seq: 4, name: '王芳' }]);
  });
});
