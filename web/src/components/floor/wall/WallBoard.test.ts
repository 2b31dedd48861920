import { mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { i18n } from '@/i18n';
import type { FloorBoard, FloorReception } from '@/stores/floor';
import WallBoard from './WallBoard.vue';

const reception: FloorReception = {
  id: '9',
  kind: 'NEW',
  status: 'ACTIVE',
  customerName: '钱多多',
  customerId: null,
  phoneMasked: '139****4321',
  partySize: 2,
  unitsAsked: 3,
  arrivedAt: '2025-01-06T02:00:00.000Z',
  startedAt: '2025-01-06T02:00:00.000Z',
  consultant: { id: '3', displayName: '王芳' },
  owner: null,
  counted: true,
  nonBuyer: null,
  sameDayDeal: false,
  explanation: { rule: 'R1' },
} as unknown as FloorReception;

const board: FloorBoard = {
  siteId: '1',
  seq: 5,
  day: '2025-01-06',
  at: '2025-01-06T02:00:00.000Z',
  round: 2,
  atDoor: { id: '4', displayName: '刘洋' },
  phoneDuty: null,
  upNext: [],
  consultants: [
    {
      consultant: { id: '3', displayName: '王芳' },
      state: 'BUSY',
      position: 1,
      since: '2025-01-06T02:00:00.000Z',
      busyWith: [reception],
      phoneDuty: false,
      next: false,
      priorityMakeUps: 0,
      makeUps: 0,
      counted: 1,
    },
  ],
  waiting: [],
  receptions: [reception],
  walkInsByKind: [{ kind: 'NEW', count: 1 }],
  alerts: [],
  events: [],
} as unknown as FloorBoard;

function render(props: Record<string, unknown>) {
  return mount(WallBoard, {
    props: {
      board,
      events: [],
      error: null,
      live: true,
      siteName: '滨江售楼处',
      timezone: 'Asia/Shanghai',
      ...props,
    },
    global: { plugins: [i18n, createPinia()] },
  });
}

describe('WallBoard', () => {
  it('issue 16: shows the site name and the board; privacy on by default hides customer names', async () => {
    const wrapper = render({});
    expect(wrapper.get('[data-test=wall-site]').text()).toBe('滨江售楼处');
    expect(wrapper.get('[data-test=wall]').attributes('data-privacy')).toBe('on');
    expect(wrapper.text()).toContain('王芳');
    expect(wrapper.text()).not.toContain('钱多多');
    await wrapper.get('[data-test=wall-privacy]').trigger('click');
    expect(wrapper.text()).toContain('钱多多');
  });

  it('issue 16: a board token screen has no privacy switch (the server forces it)', () => {
    const wrapper = render({ privacyLocked: true, privacy: false });
    expect(wrapper.get('[data-test=wall]').attributes('data-privacy')).toBe('on');
    expect(wrapper.find('[data-test=wall-privacy]').exists()).toBe(false);
  });

  it('issue 16: a lost connection is a banner with the last update in the site zone', async () => {
    const london = (at: Date) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/London',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(at);
    const before = london(new Date());
    const wrapper = render({ timezone: 'Europe/London' });
    const after = london(new Date());
    expect(wrapper.find('[data-test=wall-offline]').exists()).toBe(false);
    await wrapper.setProps({ live: false });
    const banner = wrapper.get('[data-test=wall-offline]').text();
    expect(banner.includes(before) || banner.includes(after)).toBe(true);
    await wrapper.setProps({ live: true });
    expect(wrapper.find('[data-test=wall-offline]').exists()).toBe(false);
  });
});
