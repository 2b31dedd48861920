// Client categories A–D and their reception standards (C1–C4), and what approval generates (P1).
import { TZDate } from '@date-fns/tz';

export type Season = 'WINTER' | 'SUMMER';

export interface ChecklistItem {
  key: string;
  /** Data an administrator edits, in the company's own words. */
  label: string;
  /** C2: only in this season of the visit date; null = always. */
  season: Season | null;
  /** Hours before the visit it is due. */
  dueHoursBefore: number;
  /** Who does it: the lead department, administration, or the lead person. */
  owner: 'LEAD' | 'ADMINISTRATION' | 'RECEIVER';
}

export interface Standard {
  category: string;
  /** C1: days of notice: 2 when senior leaders or coordination are needed, else 1. */
  advanceNoticeDays: number;
  needsSeniorLeader: boolean;
  meetingRoom: boolean;
  equipment: string[];
  catering: boolean;
  pickUp: boolean;
  lodging: boolean;
  gifts: boolean;
  /** C4: spending limit per guest (yuan). */
  budgetPerGuest: number;
  /** Months (1–12) that count as winter for C2's seasonal items. */
  winterMonths: number[];
  checklist: ChecklistItem[];
}

// The English wording stays beside each default for readers; the stored label is the source's Chinese.
const item = (key: string, zh: string, _en: string, dueHoursBefore: number, owner: ChecklistItem['owner'] = 'ADMINISTRATION', season: Season | null = null): ChecklistItem => ({
  key,
  label: zh,
  season,
  dueHoursBefore,
  owner,
});

/** C2: the preparation checklist for category A, from the source policy. */
export const CATEGORY_A_CHECKLIST: ChecklistItem[] = [
  item('tables', '会议桌椅摆放整齐', 'Tables and chairs arranged', 2),
  item('temperature', '室内温度适宜', 'Room temperature moderate', 1),
  item('winter-plates', '三盘干果、一盘水果', 'Three plates of dried fruit, one of fruit', 1, 'ADMINISTRATION', 'WINTER'),
  item('summer-plates', '三盘水果、一盘干果', 'Three plates of fruit, one of dried fruit', 1, 'ADMINISTRATION', 'SUMMER'),
  item('tea', '茶水及时续添', 'Tea or water refilled', 0),
  item('cigarettes', '香烟（仅限特殊客人）', 'Cigarettes (special guests only)', 1, 'RECEIVER'),
  item('plan', '专项接待方案', 'Dedicated reception plan', 48, 'LEAD'),
];

/** The defaults of SPEC section 3; an administrator edits them. */
export const DEFAULT_CATEGORIES: Array<{ code: string; name: { zh: string; en: string }; who: { zh: string; en: string }; receiver: { zh: string; en: string }; department: { zh: string; en: string }; standard: Standard }> = [
  {
    code: 'A',
    name: { zh: 'A类 重要客人', en: 'A – important guests' },
    who: { zh: '公司高层的重要客人', en: 'Important guests of top management' },
    receiver: { zh: '高层领导亲自接待，专项方案', en: 'A senior leader in person, with a dedicated plan' },
    department: { zh: '总经理助理 + 商务组', en: "General manager's assistant + business group" },
    standard: { category: 'A', advanceNoticeDays: 2, needsSeniorLeader: true, meetingRoom: true, equipment: ['projector', 'laser-pointer'], catering: true, pickUp: true, lodging: true, gifts: true, budgetPerGuest: 800, winterMonths: [11, 12, 1, 2, 3], checklist: CATEGORY_A_CHECKLIST },
  },
  {
    code: 'B',
    name: { zh: 'B类 重要客户', en: 'B – important clients' },
    who: { zh: '重要客户、外宾、来访团体、政府', en: 'Important clients, foreign guests, delegations, government' },
    receiver: { zh: '相关部门负责人', en: 'The relevant department head' },
    department: { zh: '项目部', en: 'Project department' },
    standard: { category: 'B', advanceNoticeDays: 2, needsSeniorLeader: false, meetingRoom: true, equipment: ['projector'], catering: true, pickUp: true, lodging: false, gifts: true, budgetPerGuest: 500, winterMonths: [11, 12, 1, 2, 3], checklist: [item('room', '会议室准备', 'Meeting room ready', 2), item('materials', '资料准备', 'Materials ready', 24, 'LEAD'), item('tea', '茶水', 'Tea and water', 0)] },
  },
  {
    code: 'C',
    name: { zh: 'C类 业务客户', en: 'C – business clients' },
    who: { zh: '业务、营销类客户', en: 'Business and marketing clients' },
    receiver: { zh: '业务部门负责人或指定接待人', en: 'The business department head or a named receiver' },
    department: { zh: '市场部 + 商务组', en: 'Marketing department + business group' },
    standard: { category: 'C', advanceNoticeDays: 1, needsSeniorLeader: false, meetingRoom: true, equipment: [], catering: false, pickUp: false, lodging: false, gifts: false, budgetPerGuest: 200, winterMonths: [11, 12, 1, 2, 3], checklist: [item('room', '会议室准备', 'Meeting room ready', 1), item('tea', '茶水', 'Tea and water', 0)] },
  },
  {
    code: 'D',
    name: { zh: 'D类 一般来访', en: 'D – ordinary visitors' },
    who: { zh: '一般来访人员', en: 'Ordinary visitors' },
    receiver: { zh: '前台', en: 'The front desk' },
    department: { zh: '行政组或相关部门', en: 'Administration group or the relevant department' },
    standard: { category: 'D', advanceNoticeDays: 1, needsSeniorLeader: false, meetingRoom: false, equipment: [], catering: false, pickUp: false, lodging: false, gifts: false, budgetPerGuest: 0, winterMonths: [11, 12, 1, 2, 3], checklist: [item('badge', '访客登记与引导', 'Visitor sign-in and guidance', 0, 'RECEIVER')] },
  },
];

/** C2: the season of a visit, by its month in the site's time zone. */
export function seasonOf(visitAt: number, winterMonths: number[], timezone: string): Season {
  const month = new TZDate(visitAt, timezone).getMonth() + 1;
  return winterMonths.includes(month) ? 'WINTER' : 'SUMMER';
}

export interface TaskDraft {
  key: string;
  label: string;
  owner: ChecklistItem['owner'];
  due: number;
}

/** P1: approval creates the checklist tasks of the category, each with an owner role and a due time. */
export function preparationTasks(standard: Standard, visitAt: number, timezone: string): TaskDraft[] {
  const season = seasonOf(visitAt, standard.winterMonths, timezone);
  return standard.checklist
    .filter((i) => i.season === null || i.season === season)
    .map((i) => ({ key: i.key, label: i.label, owner: i.owner, due: visitAt - i.dueHoursBefore * 3600_000 }));
}

/** C1: a request with less notice than the standard asks is late; it needs an approval that says so. */
export function isLate(standard: Standard, requestedAt: number, visitAt: number): boolean {
  return visitAt - requestedAt < standard.advanceNoticeDays * 24 * 3600_000;
}

export type Rejection = { code: string; message: string; field?: string };

/** C4: hosts no more than guests; the estimated cost within the budget. */
export function checkThrift(standard: Standard, guests: number, hosts: number, estimatedCost: number | null): Rejection | null {
  if (guests < 1) return { code: 'HEADCOUNT', message: 'At least one guest', field: 'headcount' };
  if (hosts > guests) return { code: 'C4_HOSTS', message: 'Hosts may be no more than guests (C4)', field: 'hosts' };
  if (estimatedCost !== null && estimatedCost > standard.budgetPerGuest * guests) {
    return { code: 'C4_BUDGET', message: `The cost is over the budget of ${standard.budgetPerGuest} per guest (C4)`, field: 'estimatedCost' };
  }
  return null;
}

export interface OwnerChoice {
  leadUserId: number;
  /** The named receiver, when the request names one (else the lead). */
  receiverUserId: number | null;
  /** Who does administration's part: the responsible department's head (else the lead). */
  administrationUserId: number | null;
}

/** P1: who owns a generated task. */
export function taskOwner(owner: ChecklistItem['owner'], c: OwnerChoice): number {
  if (owner === 'RECEIVER') return c.receiverUserId ?? c.leadUserId;
  if (owner === 'ADMINISTRATION') return c.administrationUserId ?? c.leadUserId;
  return c.leadUserId;
}
