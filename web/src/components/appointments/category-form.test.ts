import { describe, expect, it } from 'vitest';
import type { CategoryRowFragment } from '@/graphql/generated/graphql';
import {
  checklistProblems,
  errorTarget,
  formFromCategory,
  freshKey,
  moveRow,
  newRow,
  removeRow,
  summerMonths,
  toCategoryInput,
  type ChecklistRow,
} from './category-form';

const categoryA: CategoryRowFragment = {
  id: '1',
  code: 'A',
  name: 'A类 重要客人',
  description: '公司高层的重要客人',
  sortOrder: 1,
  archived: false,
  standard: {
    responsibleDepartment: { id: '7', name: '总经理办公室' },
    responsibleRole: '总经理助理',
    receiver: '高层领导',
    advanceNoticeDays: 2,
    needsSeniorLeader: true,
    meetingRoom: true,
    equipmentKinds: ['projector'],
    catering: true,
    pickUp: true,
    lodging: false,
    gifts: true,
    budgetPerGuest: 800,
    hostsAtMostGuests: true,
    winterMonths: [11, 12, 1, 2, 3],
    checklist: [
      {
        key: 'tables',
        label: '会议桌椅摆放整齐',
        season: null,
        dueHoursBefore: 2,
        owner: 'ADMINISTRATION',
      },
      {
        key: 'winter-plates',
        label: '三盘干果、一盘水果',
        season: 'WINTER',
        dueHoursBefore: 1,
        owner: 'ADMINISTRATION',
      },
    ],
  },
};

const row = (key: string, extra: Partial<ChecklistRow> = {}): ChecklistRow => ({
  ...newRow([]),
  key,
  label: key,
  ...extra,
});

describe('the checklist editor', () => {
  it('moves a row up and down, and leaves the ends alone', () => {
    const rows = ['a', 'b', 'c'];
    expect(moveRow(rows, 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveRow(rows, 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveRow(rows, 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveRow(rows, 2, 1)).toEqual(['a', 'b', 'c']);
    expect(rows).toEqual(['a', 'b', 'c']);
  });

  it('removes one row', () => {
    expect(removeRow(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
  });

  it('gives a new row a key no other row has', () => {
    expect(freshKey([{ key: 'item-2' }, { key: 'item-3' }])).toBe('item-4');
    expect(freshKey([{ key: 'item-1' }])).toBe('item-2');
    expect(freshKey([{ key: 'x' }, { key: 'item-2' }])).toBe('item-3');
    const a = newRow([]);
    const b = newRow([a]);
    expect(a.uid).not.toBe(b.uid);
    expect(b.key).not.toBe(a.key);
  });

  it('names the problem of each bad row: empty, malformed or repeated key, no label, due hours', () => {
    const rows = [
      row('tea'),
      row('tea'),
      row(''),
      row('Tea Time'),
      row('ok', { label: ' ' }),
      row('late', { dueHoursBefore: -1 }),
      row('fine'),
    ];
    const problems = checklistProblems(rows);
    expect([...problems.values()].map((p) => p.problem)).toEqual([
      'keyDuplicate',
      'keyRequired',
      'keyPattern',
      'labelRequired',
      'due',
    ]);
    expect(problems.has(rows[0].uid)).toBe(false);
    expect(problems.has(rows[6].uid)).toBe(false);
  });
});

describe('the category form', () => {
  it('C2: a seasonal item keeps its season and "always" goes back to the server as null', () => {
    const form = formFromCategory(categoryA);
    expect(form.checklist.map((r) => r.season)).toEqual(['ALWAYS', 'WINTER']);
    form.checklist.push({ ...newRow(form.checklist), label: '  夏季水果  ', season: 'SUMMER' });
    const input = toCategoryInput(form);
    expect(input.checklist.map((i) => i.season)).toEqual([null, 'WINTER', 'SUMMER']);
    expect(input.checklist[2].label).toBe('夏季水果');
    expect(input.responsibleDepartmentId).toBe('7');
  });

  it('a new category starts with one day of notice (C1), hosts ≤ guests (C4) and winter Nov–Mar', () => {
    const form = formFromCategory(null, 5);
    expect(form.advanceNoticeDays).toBe(1);
    expect(form.hostsAtMostGuests).toBe(true);
    expect(form.sortOrder).toBe(5);
    expect(toCategoryInput(form).winterMonths).toEqual([1, 2, 3, 11, 12]);
    expect(summerMonths(form.winterMonths)).toEqual([4, 5, 6, 7, 8, 9, 10]);
  });

  it('sends equipment kinds trimmed, without blanks or repeats', () => {
    const form = formFromCategory(categoryA);
    form.equipmentKinds = ['projector', ' projector ', '', 'laser-pointer'];
    expect(toCategoryInput(form).equipmentKinds).toEqual(['projector', 'laser-pointer']);
  });

  it('finds the field and checklist row a server error points at', () => {
    expect(errorTarget('input.checklist.2.key')).toEqual({ field: 'checklist', row: 2 });
    expect(errorTarget('checklist.0.label')).toEqual({ field: 'checklist', row: 0 });
    expect(errorTarget('input.checklist')).toEqual({ field: 'checklist' });
    expect(errorTarget('input.responsibleDepartmentId')).toEqual({
      field: 'responsibleDepartmentId',
    });
    expect(errorTarget('code')).toEqual({ field: 'code' });
  });
});
