import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent } from 'vue';
import { i18n } from '@/i18n';
import { useLocaleStore } from '@/stores/locale';
import { fakeClient } from './fake-client';
import { installClient } from './use-client';
import { namesFrom, useExplain } from './use-explain';

const names = namesFrom([
  { id: '3', displayName: '王芳' },
  { id: '4', displayName: '李强' },
]);
// 10:42 in Shanghai (the default site time zone).
const busySince = Date.parse('2025-03-03T02:42:00.000Z');

function explainIn(locale: 'zh-CN' | 'en') {
  installClient(fakeClient().client);
  const pinia = createPinia();
  setActivePinia(pinia);
  useLocaleStore(pinia).setLocale(locale);
  let api!: ReturnType<typeof useExplain>;
  mount(
    defineComponent({
      setup() {
        api = useExplain();
        return () => null;
      },
    }),
    { global: { plugins: [i18n, pinia] } },
  );
  return api;
}

describe('useExplain', () => {
  afterEach(() => {
    useLocaleStore().setLocale('zh-CN');
    installClient(undefined);
  });

  const r1 = {
    rule: 'R1',
    params: { via: 'LINE' },
    passed: [{ consultantId: 3, rule: 'R5', since: busySince }],
  };

  it('R5: names whom a walk-in passed and since when, in Chinese', () => {
    const explain = explainIn('zh-CN');
    expect(explain.passed(r1, names)).toEqual(['王芳 忙碌中（自 10:42 起）被跳过']);
    expect(explain.reception(r1, names, '李强')).toBe(
      '李强 在门口，按轮序接待；王芳 忙碌中（自 10:42 起）被跳过',
    );
  });

  it('R5: and in English', () => {
    const explain = explainIn('en');
    expect(explain.passed(r1, names)).toEqual(['王芳 passed over: busy since 10:42']);
  });

  it('R4: an away consultant passed over keeps a make-up; R7 names the owner', () => {
    const explain = explainIn('en');
    const text = explain.reception(
      {
        rule: 'R1',
        params: { via: 'LINE' },
        passed: [{ consultantId: 4, rule: 'R4', since: busySince, credited: true }],
      },
      names,
      '王芳',
    );
    expect(text).toContain('李强 passed over: away on business since 10:42, one make-up kept');
    expect(
      explain.reception({ rule: 'R7', params: { dealClosed: true, owner: 3 } }, names, '王芳'),
    ).toContain('goes to 王芳, not counted');
  });

  it('R15: an act by a named deputy says for whom, in both languages', () => {
    const ev = {
      actor: { id: '4', displayName: '李强' },
      actingFor: { id: '9', displayName: '周经理' },
    };
    expect(explainIn('en').actor(ev)).toBe('李强 (deputy for 周经理)');
    expect(explainIn('zh-CN').actor(ev)).toBe('李强（代 周经理 执行）');
    expect(explainIn('en').actor({ actor: ev.actor, actingFor: null })).toBe('李强');
  });

  it('R3: an absent consultant passed over loses the turn; back, keeps the place in the round', () => {
    for (const [lang, lost, back] of [
      [
        'en',
        '李强 passed over: not on the floor without notice since 10:42, the turn is lost, no make-up',
        'the place in the round order is kept',
      ],
      [
        'zh-CN',
        '李强 自 10:42 起未报备不在现场，被跳过，失去这次轮次，不补接',
        '接待轮回中的位置保留',
      ],
    ] as const) {
      const explain = explainIn(lang);
      const ex = {
        rule: 'R1',
        params: { via: 'LINE' },
        passed: [{ consultantId: 4, rule: 'R3', since: busySince, lost: true }],
      };
      expect(explain.passed(ex, names)).toEqual([lost]);
      expect(
        explain.event(
          {
            type: 'CAME_BACK',
            explanation: { rule: 'R3', params: { absentSince: busySince } },
            consultant: { id: '4', displayName: '李强' },
          },
          names,
        ),
      ).toContain(back);
    }
  });

  it('R15: an override says the rule it set aside', () => {
    const explain = explainIn('en');
    const ex = {
      rule: 'R15',
      params: { overrides: 'R1', ruleChoice: 4, counted: false, second: true },
    };
    expect(explain.reception(ex, names, '王芳')).toBe(
      'The manager assigned 王芳; the rule would have chosen 李强; an approved second reception; not counted (overriding the Turn order rule)',
    );
    expect(explain.overrides(ex)).toBe('R1');
    expect(
      explain.event(
        {
          type: 'SKIPPED',
          explanation: { rule: 'R15', params: { overrides: 'R1' } },
          consultant: { id: '3', displayName: '王芳' },
        },
        names,
      ),
    ).toBe('王芳 skipped to the back of the line');
  });

  it('an unknown id reads as #id, and a broken explanation renders nothing', () => {
    const explain = explainIn('zh-CN');
    expect(names(99)).toBe('#99');
    expect(explain.reception(null, names)).toBe('');
  });
});
