import type { RequestLevel, RequestState } from './request-tracker.data.js';

/** Every string `<gz-request-tracker>` shows: a language is complete or it does not compile. */
export interface RequestTrackerTranslation {
  locale: string;
  title: string;
  codeLabel: string;
  track: string;
  codeHint: string;
  invalidCode: string;
  loading: string;
  notFound(code: string): string;
  offline: string;
  failed(detail: string): string;
  retry: string;
  live: string;
  reconnecting: string;
  category: string;
  state: string;
  level: string;
  deadline: string;
  place: string;
  submittedAt: string;
  overdue: string;
  history: string;
  rise(level: string): string;
  states: Record<RequestState, string>;
  levels: Record<RequestLevel, string>;
  moves: Record<string, string>;
  rating: string;
  stars(count: number): string;
  rated(count: number): string;
  comment: string;
  rate: string;
  reopenTitle: string;
  reason: string;
  reopen: string;
  done: { rate: string; reopen: string };
  errors: Record<string, string>;
  categoryName(category: { name: string; nameEn: string }): string;
  time(iso: string): string;
}

const formatter = (locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
const zhTime = formatter('zh-CN');
const enTime = formatter('en-GB');

export const requestTrackerZhCN: RequestTrackerTranslation = {
  locale: 'zh-CN',
  title: '诉求进度',
  codeLabel: '查询码',
  track: '查询',
  codeHint: '如 GZ7K3M9Q2XWP',
  invalidCode: '查询码由字母和数字组成。',
  loading: '正在查询…',
  notFound: (code) => `未找到查询码为 ${code} 的诉求，请核对后重试。`,
  offline: '无法连接服务器，请检查网络后重试。',
  failed: (detail) => `查询失败：${detail}`,
  retry: '重试',
  live: '实时更新中',
  reconnecting: '正在重新连接…',
  category: '类别',
  state: '状态',
  level: '承办层级',
  deadline: '本阶段时限',
  place: '所在',
  submittedAt: '提交时间',
  overdue: '已超时',
  history: '办理经过',
  rise: (level) => `升级至${level}`,
  states: {
    SUBMITTED: '已点单',
    DISPATCHED: '已派单',
    ACCEPTED: '已接单',
    IN_HAND: '已领单',
    RESOLVED: '已办结',
    RATED: '已评单',
    CLOSED: '已归档',
    RETURNED: '已退回',
    REOPENED: '已重启',
    REJECTED: '不予受理',
  },
  levels: { GRID: '网格', COMMUNITY: '社区', STREET: '街道' },
  moves: {
    submit: '群众点单',
    dispatch: '社区派单',
    accept: '部门接单',
    return: '退回',
    takeOn: '党员领单',
    resolve: '办结',
    rate: '群众评单',
    reopen: '重新办理',
    close: '归档',
    reject: '不予受理',
    escalate: '超时升级',
    supervise: '督查',
    report: '督查回复',
  },
  rating: '一键评价',
  stars: (count) => `${count} 星`,
  rated: (count) => `评价：${count} 星`,
  comment: '评价内容（选填）',
  rate: '提交评价',
  reopenTitle: '对办理结果不满意？',
  reason: '不满意的原因',
  reopen: '申请重新办理',
  done: { rate: '感谢您的评价。', reopen: '已申请重新办理。' },
  errors: {
    REQUIRED: '请填写原因。',
    INVALID: '请选择 1 到 5 星。',
    ALREADY_RATED: '您已评价过这件诉求。',
    NOT_REPORTER: '只有提交人可以这样做。',
    TOO_LATE: '已超过 7 天，不能再申请重新办理。',
    WRONG_STATE: '诉求状态已变化，请刷新。',
    OFFLINE: '无法连接服务器，请稍后重试。',
    FORBIDDEN: '没有权限，请重新登录。',
    OTHER: '操作失败，请稍后重试。',
  },
  categoryName: (category) => category.name,
  time: (iso) => zhTime.format(new Date(iso)),
};

export const requestTrackerEn: RequestTrackerTranslation = {
  locale: 'en',
  title: 'Request progress',
  codeLabel: 'Tracking code',
  track: 'Track',
  codeHint: 'E.g. GZ7K3M9Q2XWP',
  invalidCode: 'A tracking code is letters and digits.',
  loading: 'Looking it up…',
  notFound: (code) => `No request has the tracking code ${code}. Check it and try again.`,
  offline: 'The server cannot be reached. Check the network and try again.',
  failed: (detail) => `Could not look it up: ${detail}`,
  retry: 'Try again',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  category: 'Category',
  state: 'State',
  level: 'Handled by',
  deadline: 'Stage due',
  place: 'Where',
  submittedAt: 'Submitted',
  overdue: 'Overdue',
  history: 'History',
  rise: (level) => `Rose to the ${level}`,
  states: {
    SUBMITTED: 'Submitted',
    DISPATCHED: 'Dispatched',
    ACCEPTED: 'Accepted',
    IN_HAND: 'In hand',
    RESOLVED: 'Resolved',
    RATED: 'Rated',
    CLOSED: 'Closed',
    RETURNED: 'Returned',
    REOPENED: 'Reopened',
    REJECTED: 'Rejected',
  },
  levels: { GRID: 'grid', COMMUNITY: 'community', STREET: 'street' },
  moves: {
    submit: 'Submitted',
    dispatch: 'Dispatched',
    accept: 'Accepted',
    return: 'Returned',
    takeOn: 'Taken on',
    resolve: 'Resolved',
    rate: 'Rated',
    reopen: 'Reopened',
    close: 'Closed',
    reject: 'Rejected',
    escalate: 'Escalated (late)',
    supervise: 'Flagged by a supervisor',
    report: 'Reported to the supervisor',
  },
  rating: 'Rate the result',
  stars: (count) => `${count} ${count === 1 ? 'star' : 'stars'}`,
  rated: (count) => `Rated ${count} of 5`,
  comment: 'Comment (optional)',
  rate: 'Send rating',
  reopenTitle: 'Not resolved?',
  reason: 'Why not',
  reopen: 'Reopen',
  done: { rate: 'Thank you for rating.', reopen: 'Reopened.' },
  errors: {
    REQUIRED: 'Say why.',
    INVALID: 'Choose 1 to 5 stars.',
    ALREADY_RATED: 'You rated this request already.',
    NOT_REPORTER: 'Only the reporter may do this.',
    TOO_LATE: 'More than 7 days have passed: it cannot be reopened.',
    WRONG_STATE: 'The request moved meanwhile: reload.',
    OFFLINE: 'The server cannot be reached. Try again later.',
    FORBIDDEN: 'Not allowed: sign in again.',
    OTHER: 'Could not do it. Try again later.',
  },
  categoryName: (category) => category.nameEn,
  time: (iso) => enTime.format(new Date(iso)),
};

export function requestTrackerTranslationFor(lang: string | null | undefined): RequestTrackerTranslation {
  return lang?.toLowerCase().startsWith('en') ? requestTrackerEn : requestTrackerZhCN;
}
