import type { RequestField } from './request-form.data.js';

/** Every string `<gz-request-form>` shows: a language is complete or it does not compile. */
export interface RequestFormTranslation {
  locale: string;
  title: string;
  loading: string;
  signIn: string;
  offline: string;
  failed(detail: string): string;
  retry: string;
  fields: Record<RequestField, string>;
  choose: string;
  descriptionHint: string;
  mapLabel: string;
  pickHint: string;
  picked(latitude: number, longitude: number): string;
  nothingPicked: string;
  clearPoint: string;
  addressHint: string;
  photosHint: string;
  addressPublic: string;
  submit: string;
  sending: string;
  fixFields(count: number): string;
  done: string;
  codeLabel: string;
  codeHint: string;
  copy: string;
  copied: string;
  another: string;
  errors: Record<string, string>;
  category(category: { name: string; nameEn: string }): string;
}

export const requestFormZhCN: RequestFormTranslation = {
  locale: 'zh-CN',
  title: '群众点单',
  loading: '正在加载…',
  signIn: '请先登录，再提交诉求。',
  offline: '无法连接服务器，请检查网络后重试。',
  failed: (detail) => `加载失败：${detail}`,
  retry: '重试',
  fields: { category: '诉求类别', description: '诉求内容', location: '位置', address: '地址', photos: '照片链接' },
  choose: '请选择',
  descriptionHint: '请写明事情、地点和时间，最多 2000 字。',
  mapLabel: '选点地图',
  pickHint: '在地图上点击选点；或聚焦地图后用方向键移动、按回车选中心点。也可以只填地址。',
  picked: (latitude, longitude) => `已选位置：北纬 ${latitude.toFixed(5)}，东经 ${longitude.toFixed(5)}`,
  nothingPicked: '尚未在地图上选点。',
  clearPoint: '清除选点',
  addressHint: '如：幸福小区3号楼东侧，最多 300 字。',
  photosHint: '每行一个 http(s) 链接，最多 9 张。',
  addressPublic: '允许公开地址和位置（持查询码的人可见）',
  submit: '提交诉求',
  sending: '正在提交…',
  fixFields: (count) => `有 ${count} 处需要修改。`,
  done: '诉求已提交。请保存查询码，凭码查看办理进度。',
  codeLabel: '查询码',
  codeHint: '复制查询码',
  copy: '复制',
  copied: '已复制',
  another: '再提交一件',
  errors: {
    REQUIRED: '必填。',
    TOO_LONG: '太长了。',
    TOO_MANY: '最多 9 张照片。',
    INVALID: '格式不正确（照片须为 http(s) 链接）。',
    NO_HOME: '未找到您的住址所在网格，请在地图上选点。',
    NO_GRID: '所选位置不在任何网格内，请重新选点。',
    NOT_FOUND: '未找到。',
    FORBIDDEN: '没有权限，请重新登录。',
    OFFLINE: '无法连接服务器，请稍后重试。',
    OTHER: '提交失败，请稍后重试。',
  },
  category: (category) => category.name,
};

export const requestFormEn: RequestFormTranslation = {
  locale: 'en',
  title: 'Report a matter',
  loading: 'Loading…',
  signIn: 'Sign in to report a matter.',
  offline: 'The server cannot be reached. Check the network and try again.',
  failed: (detail) => `Could not load: ${detail}`,
  retry: 'Try again',
  fields: { category: 'Category', description: 'What is the matter', location: 'Place', address: 'Address', photos: 'Photo links' },
  choose: 'Choose…',
  descriptionHint: 'Say what, where and when; at most 2,000 characters.',
  mapLabel: 'Map to pick the place',
  pickHint:
    'Click the map to pick the place, or focus it, move with the arrow keys and press Enter for its centre. An address alone will do.',
  picked: (latitude, longitude) => `Picked: ${latitude.toFixed(5)}° N, ${longitude.toFixed(5)}° E`,
  nothingPicked: 'No place picked on the map.',
  clearPoint: 'Clear the place',
  addressHint: 'E.g. east of building 3, Xingfu estate; at most 300 characters.',
  photosHint: 'One http(s) link a line, at most 9.',
  addressPublic: 'Anyone with the tracking code may see the address and the place',
  submit: 'Submit',
  sending: 'Submitting…',
  fixFields: (count) => `${count} ${count === 1 ? 'field needs' : 'fields need'} attention.`,
  done: 'Submitted. Keep the tracking code to follow the request.',
  codeLabel: 'Tracking code',
  codeHint: 'Copy the tracking code',
  copy: 'Copy',
  copied: 'Copied',
  another: 'Report another',
  errors: {
    REQUIRED: 'Required.',
    TOO_LONG: 'Too long.',
    TOO_MANY: 'At most 9 photos.',
    INVALID: 'Not valid (photos are http(s) links).',
    NO_HOME: 'We do not know the grid of your home: pick the place on the map.',
    NO_GRID: 'The place is in no grid: pick another.',
    NOT_FOUND: 'Not found.',
    FORBIDDEN: 'Not allowed: sign in again.',
    OFFLINE: 'The server cannot be reached. Try again later.',
    OTHER: 'Could not submit. Try again later.',
  },
  category: (category) => category.nameEn,
};

export function requestFormTranslationFor(lang: string | null | undefined): RequestFormTranslation {
  return lang?.toLowerCase().startsWith('en') ? requestFormEn : requestFormZhCN;
}
