// Regions (V2) are codes of the national administrative divisions (GB/T 2260, six digits),
// as the maintained @vant/area-data package lists them: province 11xxxx → 110000, city →
// 110100, district → 110101. Same city = same first four digits; same province = first two.
import { areaList } from '@vant/area-data';

export interface Region {
  province: string;
  city: string;
  district: string | null;
}

/** Whether the codes name a real province, a city in it and (optionally) a district in that city. */
export function isValidRegion(r: Region): boolean {
  if (!areaList.province_list[r.province] || !areaList.city_list[r.city]) return false;
  if (r.city.slice(0, 2) !== r.province.slice(0, 2)) return false;
  if (r.district === null) return true;
  return Boolean(areaList.county_list[r.district]) && r.district.slice(0, 4) === r.city.slice(0, 4);
}

/** The names of a region, from the same data (for exports and logs; the web names them itself). */
export function regionNames(r: Region): string[] {
  const names = [areaList.province_list[r.province], areaList.city_list[r.city]];
  if (r.district) names.push(areaList.county_list[r.district]);
  return names.filter((n): n is string => Boolean(n));
}

export type Distance = 'SAME_CITY' | 'SAME_PROVINCE' | 'ELSEWHERE';

/** V2: how far a customer is from the site, by region. */
export function distance(site: Pick<Region, 'province' | 'city'>, customer: Pick<Region, 'province' | 'city'>): Distance {
  if (customer.city.slice(0, 4) === site.city.slice(0, 4)) return 'SAME_CITY';
  if (customer.province.slice(0, 2) === site.province.slice(0, 2)) return 'SAME_PROVINCE';
  return 'ELSEWHERE';
}
