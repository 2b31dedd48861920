// The administrative divisions (GB/T 2260) from @vant/area-data (≈160 KB, 33 KB gzipped):
// loaded on first use, so only the pages that pick or name a region download it.
import { shallowRef } from 'vue';

type AreaModule = typeof import('@vant/area-data');
export interface AreaOption {
  text: string;
  value: string;
  children?: AreaOption[];
}

const area = shallowRef<{ list: AreaModule['areaList']; options: AreaOption[] } | null>(null);
let loading: Promise<void> | null = null;

export function loadAreaData(): Promise<void> {
  loading ??= import('@vant/area-data').then((m) => {
    area.value = { list: m.areaList, options: m.useCascaderAreaData() };
  });
  return loading;
}

export interface RegionCodes {
  province: string;
  city: string;
  district?: string | null;
}

/** The region's names joined ("浙江省 杭州市 西湖区"), or '' until the data has loaded. */
export function regionName(r: RegionCodes | null | undefined): string {
  const a = area.value;
  if (!r || !a) return '';
  const names = [a.list.province_list[r.province], a.list.city_list[r.city]];
  if (r.district) names.push(a.list.county_list[r.district]);
  // Municipalities repeat themselves (北京市 北京市): say it once.
  return names.filter((n, i) => n && n !== names[i - 1]).join(' ');
}

export function useAreaData() {
  void loadAreaData();
  return { area, regionName };
}
