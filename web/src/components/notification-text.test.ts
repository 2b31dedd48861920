import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import { formatDateTime } from '@/composables/use-format';
import en from '@/i18n/en.json';
import zhCN from '@/i18n/zh-CN.json';
import {
  NOTIFICATION_KINDS,
  notificationText,
  VISIT_NOTIFICATION_KINDS,
} from './notification-text';

function render(locale: 'zh-CN' | 'en') {
  const i18n = createI18n({ legacy: false, locale, messages: { 'zh-CN': zhCN, en } });
  const t = (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {});
  const dateTime = (iso: string | null | undefined) => formatDateTime(iso, locale, 'Asia/Shanghai');
  return (kind: string, params: Record<string, unknown> = {}) =>
    notificationText(
      {
        kind,
        params: {
          purpose: '洽谈团购合作',
          visitorCompany: '华远科技有限公司',
          startAt: '2025-01-06T02:00:00.000Z', // 10:00 in Shanghai
          ...params,
        },
      },
      t,
      dateTime,
    );
}

describe('notification text (kind + params → words)', () => {
  const zh = render('zh-CN');
  const english = render('en');

  it('R14: a big buyer names the site, the customer, the units and who serves, in both languages', () => {
    const params = {
      siteName: '北京售楼处',
      customerName: '赵先生',
      units: 3,
      consultantName: '王芳',
      at: '2025-01-06T02:30:00.000Z',
    };
    expect(zh('BIG_BUYER', params)).toEqual({
      title: '现场有大客户',
      subject: '北京售楼处 · 赵先生',
      when: expect.stringContaining('10:30'),
      detail: '要求购买 3 套；接待：王芳',
    });
    expect(english('BIG_BUYER', params)).toMatchObject({
      title: 'Big buyer on the floor',
      detail: 'Asks for 3 units; with 王芳',
    });
    expect(
      english('BIG_BUYER', { ...params, customerName: null, consultantName: null }).subject,
    ).toBe('北京售楼处 · a walk-in');
  });

  it('names the visit and its time in the site’s time zone for every kind, in both languages', () => {
    for (const kind of NOTIFICATION_KINDS.filter(
      (k) => k !== 'BIG_BUYER' && k !== 'LOOKUP_BURST' && k !== 'CUSTOMER_OWNERSHIP_LOST',
    )) {
      for (const text of [zh(kind), english(kind)]) {
        expect(text.title, kind).not.toMatch(/notifications\.|\{/);
        expect(text.subject).toBe('华远科技有限公司 · 洽谈团购合作');
        expect(text.when).toContain('10:00');
      }
    }
    expect(zh('APPROVED').title).toBe('来访预约已批准');
    expect(english('APPROVED').title).toBe('Visit approved');
  });

  it('O9: a burst of phone lookups names the colleague, the site, the time and the limit, in both languages', () => {
    const params = {
      userName: '王芳',
      siteName: '滨江售楼处',
      limit: 6,
      at: '2025-01-06T02:00:00.000Z',
    };
    for (const text of [zh('LOOKUP_BURST', params), english('LOOKUP_BURST', params)]) {
      expect(text.title).not.toMatch(/notifications\.|\{|LOOKUP/);
      expect(text.subject).toBe('王芳 · 滨江售楼处');
      expect(text.when).toContain('10:00');
      expect(text.detail).toContain('6');
    }
    expect(english('LOOKUP_BURST', params).title).toBe(
      'Phone lookups stopped: too many in a minute',
    );
  });

  it('O5/O6: a consultant who lost a customer to a merge is told which customer and why, in both languages', () => {
    for (const [render2, rule] of [
      [zh, 'O5'],
      [english, 'O6'],
    ] as const) {
      const n = render2('CUSTOMER_OWNERSHIP_LOST', {
        rule,
        customerName: '王五',
        mergedName: '王母',
        customerId: 7,
        ownerId: 3,
      });
      expect(n.title).not.toMatch(/notifications\.|\{/);
      expect(n.subject).toBe('王五');
      expect(n.when).toBe('');
      expect(n.detail).toContain('王母');
      expect(n.detail).not.toMatch(/\bO[56]\b/);
    }
    expect(
      english('CUSTOMER_OWNERSHIP_LOST', { rule: 'O6', customerName: '王五', mergedName: '王母' })
        .detail,
    ).toMatch(/immediate family/);
  });

  it('C1: a late request and a late approval say so', () => {
    expect(zh('APPROVAL_REQUESTED', { late: true }).detail).toContain('提前量不足');
    expect(zh('APPROVAL_REQUESTED', { late: false }).detail).toBe('');
    expect(english('APPROVED', { late: true }).detail).toBe('Approved with short notice accepted');
  });

  it('P3: a move tells from when to when and why; a cancellation or rejection tells why', () => {
    const moved = english('RESCHEDULED', {
      from: '2025-01-06T02:00:00.000Z',
      to: '2025-01-07T06:30:00.000Z',
      reason: 'client asked',
    });
    expect(moved.detail).toMatch(/10:00.*to.*14:30; reason: client asked$/);
    expect(zh('CANCELLED', { reason: '客户行程变更' }).detail).toBe('原因：客户行程变更');
    expect(zh('REJECTED', { reason: '' }).detail).toBe('');
  });

  it('counts tasks and guests; P5 tells the promised time and a late answer', () => {
    expect(english('TASK_ASSIGNED', { count: 3 }).detail).toBe('Preparation tasks: 3');
    expect(zh('GUESTS_ARRIVED', { guests: 4 }).detail).toBe('已登记 4 位客人');
    expect(zh('SPECIAL_REQUEST', { promisedBy: '2025-01-06T06:00:00.000Z' }).detail).toContain(
      '14:00',
    );
    expect(english('SPECIAL_REQUEST_ANSWERED', { late: true }).detail).toBe(
      'Answered after the promised time',
    );
    expect(english('SPECIAL_REQUEST_ANSWERED', { late: false }).detail).toBe('Answered in time');
  });

  it('survives odd params and an unknown kind without showing a raw key', () => {
    const i18n = createI18n({ legacy: false, locale: 'en', messages: { 'zh-CN': zhCN, en } });
    const t = (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {});
    const text = notificationText({ kind: 'SOMETHING_NEW', params: null }, t, () => '');
    expect(text.title).toBe('Notification (SOMETHING_NEW)');
    expect(text.subject).toBe(' · ');
    expect(english('TASK_ASSIGNED', { count: 'x' }).detail).toBe('Preparation tasks: 0');
  });
});

describe('visit and reminder notifications (V1, V3, O3)', () => {
  const words = (locale: 'zh-CN' | 'en') => {
    const i18n = createI18n({ legacy: false, locale, messages: { 'zh-CN': zhCN, en } });
    const t = (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {});
    const dateTime = (iso: string | null | undefined) =>
      formatDateTime(iso, locale, 'Asia/Shanghai');
    return (kind: string, params: Record<string, unknown>) =>
      notificationText({ kind, params }, t, dateTime);
  };
  it('every visit kind has words in both languages, naming the month or the customer', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const kind of VISIT_NOTIFICATION_KINDS) {
        const text = words(locale)(kind, {
          month: '2026-08',
          customerName: '钱一',
          dueAt: '2026-08-05T02:00:00.000Z',
          ownerName: '王芳',
          forManager: true,
        });
        expect(text.title, kind).not.toMatch(/notifications\.|\{/);
        expect(text.subject).toContain('2026-08');
        expect(text.when).toContain('10:00');
        expect(text.detail).toContain('王芳');
      }
    }
  });
  it('V3: a late report names the customer; O3 says when the customer becomes free', () => {
    const zh = words('zh-CN');
    expect(
      zh('VISIT_REPORT_LATE', { customerName: '钱一', dueAt: '2026-08-05T02:00:00.000Z' }),
    ).toMatchObject({ title: '拜访报告已逾期', subject: '客户 钱一' });
    expect(
      words('en')('OWNERSHIP_LAPSING', {
        customerName: 'Qian',
        lapsesAt: '2026-08-04T16:00:00.000Z',
      }).when,
    ).toMatch(/^Free from .*2026/);
    expect(zh('VISIT_PLAN_RETURNED', { month: '2026-08', comment: '请补充' }).detail).toBe(
      '意见：请补充',
    );
  });
});
