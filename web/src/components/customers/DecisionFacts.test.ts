import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { i18n } from '@/i18n';
import DecisionFacts from './DecisionFacts.vue';

const names: Record<number, string> = { 3: '王芳', 4: '李强' };
const render = (details: unknown, locale: 'en' | 'zh-CN' = 'en') => {
  i18n.global.locale.value = locale;
  return mount(DecisionFacts, {
    props: { details, nameOf: (id: number) => names[id] ?? '?' },
    global: { plugins: [i18n] },
  });
};
const lines = (w: ReturnType<typeof render>) =>
  w.findAll('[data-test=decision-facts]').map((l) => l.text());

describe('DecisionFacts', () => {
  it('O5: a merge says which record joined and who owned before and after, in words', () => {
    const w = render({
      rule: 'O5',
      merged: { customerId: 9, name: '王五', phoneLast4: '5678' },
      into: { customerId: 7, name: '王五' },
      ownersBefore: [
        { customerId: 7, ownerId: 3 },
        { customerId: 9, ownerId: 4 },
      ],
      ownerAfter: 3,
      ownerRule: 'O2',
    });
    const [what, owners] = lines(w);
    expect(what).toContain('王五');
    expect(what).toContain('5678');
    expect(owners).toContain('王芳');
    expect(owners).toContain('李强');
    expect(lines(w).join(' ')).not.toMatch(/\bO[256]\b/);
  });

  it('O6: family names the relation; "not family" states the O2 owners; both languages', () => {
    const family = render(
      {
        rule: 'O6',
        relation: 'PARENT',
        merged: { customerId: 9, name: '宋母' },
        ownersBefore: [
          { customerId: 7, ownerId: 3 },
          { customerId: 9, ownerId: 4 },
        ],
        ownerAfter: 3,
      },
      'zh-CN',
    );
    expect(lines(family)[0]).toContain('宋母');
    expect(lines(family)[0]).toContain('父母');
    const notFamily = render({
      rule: 'O6',
      family: false,
      o2: [
        { customerId: 9, ownerId: 4 },
        { customerId: 7, ownerId: null },
      ],
    });
    expect(lines(notFamily)).toHaveLength(1);
    expect(lines(notFamily)[0]).toContain('李强');
    expect(render(null).findAll('[data-test=decision-facts]')).toHaveLength(0);
  });
});
