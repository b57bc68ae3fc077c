/**
 * Every string a widget shows, in one interface: a language is complete or it does not compile.
 * zh-CN is the default; `lang="en"` (on the element or an ancestor's `<html lang>`) picks English.
 */
export interface Translation {
  locale: string;
  loading: string;
  empty: string;
  offline: string;
  failed(detail: string): string;
  retry: string;
  mapLabel: string;
  listLabel: string;
  serviceFilter: string;
  allServices: string;
  useMyLocation: string;
  locating: string;
  locationDenied: string;
  pickHint: string;
  pickedPoint: string;
  fromPoint(distance: string): string;
  stationCount(shown: number, total: number): string;
  showMore: string;
  openNow: string;
  closedNow: string;
  hours: string;
  services: string;
  phone: string;
  address: string;
  closeDetail: string;
  walkingRadius(metres: number): string;
  cluster(count: number): string;
  weekday(isoWeekday: number): string;
  serviceName(service: { name: string; nameEn: string }): string;
  metres(distance: number): string;
}

const zhWeekdays = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const enWeekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export const zhCN: Translation = {
  locale: 'zh-CN',
  loading: '正在加载服务站…',
  empty: '这里没有党群服务站。',
  offline: '无法连接服务器，请检查网络后重试。',
  failed: (detail) => `加载失败：${detail}`,
  retry: '重试',
  mapLabel: '党群服务站地图',
  listLabel: '党群服务站列表',
  serviceFilter: '服务',
  allServices: '全部服务',
  useMyLocation: '使用我的位置',
  locating: '正在定位…',
  locationDenied: '无法获取您的位置，请在地图上点选起点。',
  pickHint: '在地图上点击（或聚焦地图后按回车选中心点）设置起点，列表按距离排序。',
  pickedPoint: '起点',
  fromPoint: (distance) => `距起点 ${distance}`,
  stationCount: (shown, total) => (shown < total ? `显示 ${shown} / ${total} 个服务站` : `共 ${total} 个服务站`),
  showMore: '显示更多',
  openNow: '正在营业',
  closedNow: '已休息',
  hours: '开放时间',
  services: '服务项目',
  phone: '电话',
  address: '地址',
  closeDetail: '关闭详情',
  walkingRadius: (metres) => `步行 ${metres} 米范围`,
  cluster: (count) => `${count} 个服务站，放大查看`,
  weekday: (day) => zhWeekdays[day - 1] ?? String(day),
  serviceName: (service) => service.name,
  metres: (distance) => (distance < 1000 ? `${Math.round(distance)} 米` : `${(distance / 1000).toFixed(1)} 公里`),
};

export const en: Translation = {
  locale: 'en',
  loading: 'Loading service stations…',
  empty: 'There are no service stations here.',
  offline: 'The server cannot be reached. Check the network and try again.',
  failed: (detail) => `Could not load: ${detail}`,
  retry: 'Try again',
  mapLabel: 'Map of party and masses service stations',
  listLabel: 'Service stations',
  serviceFilter: 'Service',
  allServices: 'All services',
  useMyLocation: 'Use my location',
  locating: 'Finding your location…',
  locationDenied: 'Your location is not available; pick a starting point on the map.',
  pickHint: 'Click the map (or focus it and press Enter for its centre) to set a starting point; the list is sorted by distance.',
  pickedPoint: 'Starting point',
  fromPoint: (distance) => `${distance} away`,
  stationCount: (shown, total) => (shown < total ? `Showing ${shown} of ${total} stations` : `${total} stations`),
  showMore: 'Show more',
  openNow: 'Open now',
  closedNow: 'Closed',
  hours: 'Opening hours',
  services: 'Services',
  phone: 'Phone',
  address: 'Address',
  closeDetail: 'Close details',
  walkingRadius: (metres) => `${metres} m walking radius`,
  cluster: (count) => `${count} stations, zoom in`,
  weekday: (day) => enWeekdays[day - 1] ?? String(day),
  serviceName: (service) => service.nameEn || service.name,
  metres: (distance) => (distance < 1000 ? `${Math.round(distance)} m` : `${(distance / 1000).toFixed(1)} km`),
};

/** English for any `en*` language tag, Chinese otherwise. */
export function translationFor(lang: string | null | undefined): Translation {
  return lang?.toLowerCase().startsWith('en') ? en : zhCN;
}
