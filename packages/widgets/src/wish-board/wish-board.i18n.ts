import type { BeneficiaryKind, WishCategory, WishState } from '../core/generated/graphql.js';

/**
 * Every string `<gz-wish-board>` shows, typed like the shared translations (`core/i18n.ts`): a
 * language is complete or it does not compile. Kept beside the board so that the map-only entry
 * does not carry them.
 */
export interface WishTranslation {
  title: string;
  progress(lit: number, total: number): string;
  progressLabel: string;
  loading: string;
  empty: string;
  offline: string;
  failed(detail: string): string;
  retry: string;
  listLabel: string;
  count(shown: number, total: number): string;
  loadMore: string;
  live: string;
  reconnecting: string;
  beneficiary: string;
  /** The masked name and who they are: 王*华（独居老人）. */
  beneficiaryOf(name: string, kind: string): string;
  category: string;
  community: string;
  wantedBy: string;
  cost(yuan: number): string;
  separator: string;
  claimedBy(name: string): string;
  /** The unit or team a wish was claimed for: 由 梅河口市审计局 认领. */
  claimedFor(name: string): string;
  state: Record<WishState, string>;
  categories: Record<WishCategory, string>;
  kinds: Record<BeneficiaryKind, string>;
  claim: string;
  confirmClaim(title: string): string;
  claimYes: string;
  /** The legend of the choice between claiming yourself and for a unit or team. */
  claimAs: string;
  myself: string;
  cancel: string;
  approve: string;
  reject: string;
  confirm: string;
  done: Record<'claim' | 'approve' | 'reject' | 'confirm' | 'post', string>;
  errors: Record<string, string>;
  post: string;
  postTitle: string;
  fields: Record<'title' | 'story' | 'category' | 'beneficiaryKind' | 'community' | 'beneficiary' | 'estimatedCost' | 'wantedBy', string>;
  /** Under the resident search box: how it works, and that empty means for yourself. */
  beneficiaryHint: string;
  searching: string;
  found(count: number): string;
  noneFound(text: string): string;
  /** The chosen resident's clear button. */
  clearBeneficiary(name: string): string;
  choose: string;
  submit: string;
  fixFields(count: number): string;
}

export const wishZhCN: WishTranslation = {
  title: '微心愿',
  progress: (lit, total) => `已点亮 ${lit} / ${total}`,
  progressLabel: '已点亮的心愿',
  loading: '正在加载微心愿…',
  empty: '这里还没有微心愿。',
  offline: '无法连接服务器，请检查网络后重试。',
  failed: (detail) => `加载失败：${detail}`,
  retry: '重试',
  listLabel: '微心愿列表',
  count: (shown, total) => (shown < total ? `显示 ${shown} / ${total} 个心愿` : `共 ${total} 个心愿`),
  loadMore: '加载更多',
  live: '实时更新中',
  reconnecting: '实时连接中断，正在重连…',
  beneficiary: '受助人',
  beneficiaryOf: (name, kind) => `${name}（${kind}）`,
  category: '类别',
  community: '社区',
  wantedBy: '期望日期',
  cost: (yuan) => `约 ${yuan} 元`,
  separator: '，',
  claimedBy: (name) => `认领人：${name}`,
  claimedFor: (name) => `由 ${name} 认领`,
  state: {
    PENDING_REVIEW: '待审核',
    OPEN: '待认领',
    CLAIMED: '已认领',
    FULFILLED: '已完成',
    CONFIRMED: '已点亮',
    WITHDRAWN: '已撤回',
    REJECTED: '未通过',
    EXPIRED: '已过期',
  },
  categories: {
    DAILY_NEEDS: '生活用品',
    STUDY: '助学',
    HEALTH: '医疗健康',
    COMPANIONSHIP: '陪伴关爱',
    HOME_REPAIR: '居家维修',
    OTHER: '其他',
  },
  kinds: { ELDERLY_ALONE: '独居老人', CHILD: '儿童', HARDSHIP_FAMILY: '困难家庭', DISABLED: '残疾人', OTHER: '其他' },
  claim: '认领',
  confirmClaim: (title) => `确定认领“${title}”吗？认领后请在期限内完成。`,
  claimYes: '确定认领',
  claimAs: '认领身份',
  myself: '本人',
  cancel: '取消',
  approve: '审核通过',
  reject: '不通过',
  confirm: '确认点亮',
  done: {
    claim: '认领成功，谢谢您！',
    approve: '已通过审核，心愿开放认领。',
    reject: '已驳回。',
    confirm: '心愿已点亮。',
    post: '心愿已提交，等待社区审核。',
  },
  errors: {
    WRONG_STATE: '心愿状态已变化（可能已被他人认领），请查看最新状态。',
    NOT_FOUND: '找不到这个心愿。',
    NOT_CLAIMER: '只有认领人可以这样做。',
    FORBIDDEN: '您没有权限进行此操作。',
    UNAUTHENTICATED: '请先登录。',
    NOT_A_MEMBER: '您不是该单位或队伍的成员。',
    NOT_HOME: '您在此社区没有住所或职务，不能为本人发布。',
    NOT_IN_AREA: '您不能为这个社区的居民代发心愿。',
    NO_PERSON: '找不到这位居民。',
    REQUIRED: '此项必填。',
    INVALID: '格式不正确。',
    TOO_LONG: '内容过长。',
    PAST: '日期不能早于今天。',
    OFFLINE: '无法连接服务器，请稍后重试。',
    OTHER: '操作失败，请稍后重试。',
  },
  post: '发布心愿',
  postTitle: '发布微心愿',
  fields: {
    title: '心愿标题（100 字以内）',
    story: '心愿故事（2000 字以内）',
    category: '类别',
    beneficiaryKind: '受助人类型',
    community: '所在社区',
    beneficiary: '为居民代发（可不填）',
    estimatedCost: '预计费用（元，可不填）',
    wantedBy: '期望日期（可不填）',
  },
  beneficiaryHint: '输入姓名查找；不填即为本人发布。',
  searching: '正在查找…',
  found: (count) => `找到 ${count} 位居民。`,
  noneFound: (text) => `没有姓名含“${text}”的居民。`,
  clearBeneficiary: (name) => `取消为 ${name} 代发`,
  choose: '请选择',
  submit: '提交',
  fixFields: (count) => `有 ${count} 项需要修改。`,
};

export const wishEn: WishTranslation = {
  title: 'Micro-wishes',
  progress: (lit, total) => `${lit} of ${total} lit up`,
  progressLabel: 'Wishes lit up',
  loading: 'Loading micro-wishes…',
  empty: 'There are no micro-wishes here yet.',
  offline: 'The server cannot be reached. Check the network and try again.',
  failed: (detail) => `Could not load: ${detail}`,
  retry: 'Try again',
  listLabel: 'Micro-wishes',
  count: (shown, total) => (shown < total ? `Showing ${shown} of ${total} wishes` : `${total} wishes`),
  loadMore: 'Load more',
  live: 'Live',
  reconnecting: 'Live updates interrupted; reconnecting…',
  beneficiary: 'For',
  beneficiaryOf: (name, kind) => `${name} (${kind})`,
  category: 'Category',
  community: 'Community',
  wantedBy: 'Wanted by',
  cost: (yuan) => `about ¥${yuan}`,
  separator: ', ',
  claimedBy: (name) => `Claimed by ${name}`,
  claimedFor: (name) => `Claimed for ${name}`,
  state: {
    PENDING_REVIEW: 'In review',
    OPEN: 'Open',
    CLAIMED: 'Claimed',
    FULFILLED: 'Fulfilled',
    CONFIRMED: 'Lit up',
    WITHDRAWN: 'Withdrawn',
    REJECTED: 'Rejected',
    EXPIRED: 'Expired',
  },
  categories: {
    DAILY_NEEDS: 'Daily needs',
    STUDY: 'Study',
    HEALTH: 'Health',
    COMPANIONSHIP: 'Companionship',
    HOME_REPAIR: 'Home repair',
    OTHER: 'Other',
  },
  kinds: { ELDERLY_ALONE: 'Elderly, alone', CHILD: 'Child', HARDSHIP_FAMILY: 'Family in hardship', DISABLED: 'Disabled', OTHER: 'Other' },
  claim: 'Claim',
  confirmClaim: (title) => `Claim “${title}”? Please fulfil it before the deadline.`,
  claimYes: 'Yes, claim it',
  claimAs: 'Claim as',
  myself: 'Myself',
  cancel: 'Cancel',
  approve: 'Approve',
  reject: 'Reject',
  confirm: 'Confirm (light up)',
  done: {
    claim: 'Claimed. Thank you!',
    approve: 'Approved: the wish is open to claims.',
    reject: 'Rejected.',
    confirm: 'The wish is lit up.',
    post: 'Wish posted; it waits for the community’s review.',
  },
  errors: {
    WRONG_STATE: 'The wish has moved on (someone may have claimed it first); see its state now.',
    NOT_FOUND: 'This wish cannot be found.',
    NOT_CLAIMER: 'Only the claimer may do this.',
    FORBIDDEN: 'You may not do this.',
    UNAUTHENTICATED: 'Please sign in first.',
    NOT_A_MEMBER: 'You hold no role for this unit or team.',
    NOT_HOME: 'You have no home or role in this community to post for yourself.',
    NOT_IN_AREA: 'You may not post for residents of this community.',
    NO_PERSON: 'This resident cannot be found.',
    REQUIRED: 'Required.',
    INVALID: 'Not valid.',
    TOO_LONG: 'Too long.',
    PAST: 'The date must not be in the past.',
    OFFLINE: 'The server cannot be reached; try again later.',
    OTHER: 'That did not work; try again later.',
  },
  post: 'Post a wish',
  postTitle: 'Post a micro-wish',
  fields: {
    title: 'Title (up to 100 characters)',
    story: 'Story (up to 2,000 characters)',
    category: 'Category',
    beneficiaryKind: 'Who it is for',
    community: 'Community',
    beneficiary: 'Post for a resident (optional)',
    estimatedCost: 'Estimated cost (yuan, optional)',
    wantedBy: 'Wanted by (optional)',
  },
  beneficiaryHint: 'Type a name to search; leave empty to post for yourself.',
  searching: 'Searching…',
  found: (count) => `${count} resident${count === 1 ? '' : 's'} found.`,
  noneFound: (text) => `No resident’s name contains “${text}”.`,
  clearBeneficiary: (name) => `Remove ${name}: post for yourself`,
  choose: 'Choose…',
  submit: 'Post',
  fixFields: (count) => `${count} field${count === 1 ? '' : 's'} to correct.`,
};

export function wishTranslationFor(lang: string | null | undefined): WishTranslation {
  return lang?.toLowerCase().startsWith('en') ? wishEn : wishZhCN;
}
