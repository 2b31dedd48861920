import type { Region } from './regions.js';

/** A site's visit rules (V1–V3), editable by a manager. */
export interface VisitSettings {
  /** The site's own region; V2 compares customers with it. Null until set. */
  siteProvince: string | null;
  siteCity: string | null;
  siteDistrict: string | null;
  /** V2: months between visits by distance. */
  sameCityMonths: number;
  sameProvinceMonths: number;
  elsewhereMonths: number;
  /** V3: days after the check-in within which the report is due. */
  reportDueDays: number;
  /** V1: days before month end when a consultant is reminded to submit next month's plan. */
  planReminderDays: number;
  timezone: string;
}

export const DEFAULT_VISIT_SETTINGS: Omit<VisitSettings, 'timezone'> = {
  siteProvince: null,
  siteCity: null,
  siteDistrict: null,
  sameCityMonths: 1,
  sameProvinceMonths: 3,
  elsewhereMonths: 6,
  reportDueDays: 2,
  planReminderDays: 3,
};

export function siteRegion(s: VisitSettings): Region | null {
  return s.siteProvince && s.siteCity ? { province: s.siteProvince, city: s.siteCity, district: s.siteDistrict } : null;
}
