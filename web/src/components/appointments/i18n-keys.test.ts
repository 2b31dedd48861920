import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from '@/i18n/en.json';
import zhCN from '@/i18n/zh-CN.json';

// Every fixed `appointments.*` key the appointment screens use exists in both languages
// (keys built at run time, like `appointments.states.${state}`, are checked by their owners).

const here = path.dirname(fileURLToPath(import.meta.url));
const pages = path.resolve(here, '../../pages/appointments');
/** The appointment screens' files (other helpers' files in these folders have their own keys). */
const MINE = [
  'AppointmentStandardSummary.vue',
  'AppointmentStateTag.vue',
  'AppointmentTextDialog.vue',
  'ApproveDialog.vue',
  'CompleteDialog.vue',
  'EquipmentCheckOutDialog.vue',
  'GuestsDialog.vue',
  'RescheduleDialog.vue',
  'SpecialRequestDialog.vue',
  'checklist.ts',
  'errors.ts',
  'history.ts',
  'hints.ts',
  'list-filter.ts',
  'rooms.ts',
  'AppointmentSummaryCard.vue',
  'AppointmentTasksCard.vue',
  'AppointmentEquipmentCard.vue',
  'AppointmentRequestsCard.vue',
  'AppointmentVisitCards.vue',
  'RequestAppointmentAside.vue',
  'RequestArrangementsFields.vue',
  'RequestVisitFields.vue',
  'RoomSelect.vue',
  'use-appointment-actions.ts',
  'AppointmentListPage.vue',
  'AppointmentPage.vue',
  'RequestAppointmentPage.vue',
];
const files = [
  ...readdirSync(here).map((f) => path.join(here, f)),
  ...readdirSync(pages).map((f) => path.join(pages, f)),
].filter((f) => MINE.includes(path.basename(f)));

const lookup = (messages: unknown, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>(
      (m, k) => (m && typeof m === 'object' ? (m as Record<string, unknown>)[k] : undefined),
      messages,
    );

describe('appointment screens i18n', () => {
  it('every literal appointments.* key is a message in zh-CN and en', () => {
    const missing: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/['"`](appointments\.[A-Za-z0-9_.]+[A-Za-z0-9_])['"`]/g)) {
        for (const [lang, messages] of [
          ['zh-CN', zhCN],
          ['en', en],
        ] as const) {
          if (typeof lookup(messages, m[1]) !== 'string')
            missing.push(`${lang} ${m[1]} (${path.basename(file)})`);
        }
      }
    }
    expect(files.length).toBe(MINE.length);
    expect(missing).toEqual([]);
  });

  it('every state, intent, service, reason and field error has its message', () => {
    const groups = {
      states: [
        'REQUESTED',
        'APPROVED',
        'RESCHEDULED',
        'PREPARED',
        'ARRIVED',
        'COMPLETED',
        'REJECTED',
        'CANCELLED',
      ],
      intents: ['HIGH', 'MEDIUM', 'LOW', 'NONE'],
      services: ['catering', 'pickUp', 'lodging', 'gifts'],
      seasons: ['WINTER', 'SUMMER'],
      satisfaction: ['1', '2', '3', '4', '5'],
    };
    for (const [group, keys] of Object.entries(groups)) {
      for (const k of keys) {
        expect(typeof lookup(zhCN, `appointments.${group}.${k}`), `${group}.${k}`).toBe('string');
      }
    }
  });
});
