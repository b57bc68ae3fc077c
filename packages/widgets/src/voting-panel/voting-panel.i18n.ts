import type { BallotChoice, MatterType, ProposalOutcome, ProposalStage } from '../core/generated/graphql.js';
import type { Bar } from './voting-panel.data.js';

/**
 * Every string `<gz-voting-panel>` shows, typed like the shared translations (`core/i18n.ts`): a
 * language is complete or it does not compile. Kept beside the panel so that other entries do
 * not carry them.
 */
export interface VotingTranslation {
  locale: string;
  /** Between the parts of a bar's text equivalent: '，', ', '. */
  separator: string;
  label: string;
  loading: string;
  noProposal: string;
  missing: string;
  offline: string;
  failed(detail: string): string;
  retry: string;
  live: string;
  reconnecting: string;
  stages: Record<ProposalStage, string>;
  matterTypes: Record<MatterType, string>;
  choices: Record<BallotChoice, string>;
  outcomes: Record<ProposalOutcome, string>;
  stage: string;
  matterType: string;
  scope: string;
  window: string;
  /** Between the opening and the closing time: ' 至 ', ' to '. */
  rangeTo: string;
  rule: string;
  changeable(yes: boolean): string;
  ballotRule: string;
  attachments: string;
  newWindow: string;
  opensAt(when: string): string;
  noVote: string;
  liveTally: string;
  finalTally: string;
  bars: Record<Bar['key'], string>;
  /** 1,234.5 / 3,000 m² or 12 / 30 户, against the roll or those taking part. */
  amount(part: string, whole: string, bar: Bar): string;
  threshold(strict: boolean, fraction: string, percent: string): string;
  noThreshold: string;
  met(met: boolean): string;
  counts(forCount: number, against: number, abstain: number, roll: number): string;
  wouldPass(passes: boolean): string;
  counting: string;
  ballot: string;
  signIn: string;
  notOnRoll: string;
  household: string;
  voted(choice: string, when: string): string;
  choice: string;
  cast: string;
  confirm(choice: string, household: string, changeable: boolean): string;
  confirmYes: string;
  back: string;
  change: string;
  chooseFirst: string;
  receiptTitle(changed: boolean): string;
  receiptHint: string;
  copy: string;
  copied: string;
  copyFailed: string;
  result: string;
  /** Before the time the vote was decided. */
  decidedAt: string;
  ballotCount: string;
  digest: string;
  digestHint: string;
  implementation: string;
  check: string;
  receipt: string;
  receiptFormat: string;
  checkButton: string;
  checking: string;
  counted(position: number, choice: string): string;
  notCounted: string;
  errors: Record<string, string>;
}

export const votingZhCN: VotingTranslation = {
  locale: 'zh-CN',
  separator: '，',
  label: '业主表决',
  loading: '正在加载表决事项…',
  noProposal: '未指定表决事项。',
  missing: '找不到该表决事项，或它尚未公示。',
  offline: '无法连接服务器，请检查网络后重试。',
  failed: (detail) => `加载失败：${detail}`,
  retry: '重试',
  live: '实时更新中',
  reconnecting: '实时连接中断，正在重连…',
  stages: {
    PROPOSED: '已提议',
    UNDER_REVIEW: '审核中',
    APPROVED_FOR_NOTICE: '审核通过，待公示',
    NOTICE_PERIOD: '表决前公示',
    VOTING: '表决中',
    DECIDED: '已表决',
    RESULT_PUBLISHED: '结果已公示',
    IMPLEMENTED: '实施情况已公示',
    REJECTED: '审核未通过',
    WITHDRAWN: '已撤回',
  },
  matterTypes: {
    RULES: '制定和修改业主大会议事规则、管理规约',
    OWNERS_COMMITTEE_ELECTION: '选举业主委员会或者更换业主委员会成员',
    PROPERTY_COMPANY_HIRING: '选聘和解聘物业服务企业',
    MAINTENANCE_FUND_USE: '使用建筑物及其附属设施的维修资金',
    MAINTENANCE_FUND_RAISING: '筹集建筑物及其附属设施的维修资金',
    REBUILDING: '改建、重建建筑物及其附属设施',
    COMMON_PARTS_USE_CHANGE: '改变共有部分的用途',
    COMMON_PARTS_BUSINESS: '利用共有部分从事经营活动',
    COMMUNITY_AFFAIRS: '社区议事',
    OTHER: '其他共同管理事项',
  },
  choices: { FOR: '同意', AGAINST: '反对', ABSTAIN: '弃权' },
  outcomes: { PASSED: '通过', FAILED: '未通过' },
  stage: '阶段',
  matterType: '事项类型',
  scope: '表决范围',
  window: '投票时间',
  rangeTo: ' 至 ',
  rule: '表决规则',
  changeable: (yes) => (yes ? '截止前可以更改选择' : '投出后不能更改'),
  ballotRule: '选票',
  attachments: '附件',
  newWindow: '（在新窗口打开）',
  opensAt: (when) => `投票将于 ${when} 开始。`,
  noVote: '本事项不进行表决。',
  liveTally: '实时票数',
  finalTally: '最终票数',
  bars: {
    participationByArea: '参与表决（专有部分面积）',
    participationByHeadcount: '参与表决（人数）',
    approvalByArea: '同意（专有部分面积）',
    approvalByHeadcount: '同意（人数）',
  },
  amount: (part, whole, bar) =>
    `${part} / ${whole}${bar.unit === 'area' ? ' 平方米' : ' 户'}，${bar.key.startsWith('participation') ? '占全体业主' : '占参与表决的业主'}`,
  threshold: (strict, fraction, percent) => `门槛：${strict ? '超过' : '至少'} ${fraction}（${percent}）`,
  noThreshold: '无门槛',
  met: (met) => (met ? '已达到' : '未达到'),
  counts: (forCount, against, abstain, roll) => `同意 ${forCount} 户 · 反对 ${against} 户 · 弃权 ${abstain} 户 · 名册共 ${roll} 户`,
  wouldPass: (passes) => (passes ? '若现在截止：可以通过' : '若现在截止：不能通过'),
  counting: '投票时间已到，正在计票，结果稍后公布。',
  ballot: '我的表决',
  signIn: '业主登录后可在此投票。',
  notOnRoll: '您名下没有本次表决名册中的房屋，不能投票。',
  household: '为哪一户投票',
  voted: (choice, when) => `已投「${choice}」（${when}）`,
  choice: '您的选择',
  cast: '提交表决',
  confirm: (choice, household, changeable) =>
    `确认为 ${household} 投「${choice}」吗？${changeable ? '截止前还可以更改。' : '提交后不能更改。'}`,
  confirmYes: '确认提交',
  back: '返回修改',
  change: '更改选择',
  chooseFirst: '请先选择同意、反对或弃权。',
  receiptTitle: (changed) => (changed ? '已更改，您的新回执码：' : '投票成功，您的回执码：'),
  receiptHint: '回执码只显示这一次，请抄下或复制保存。表决结束后，可以用它核对您的票是否计入。',
  copy: '复制回执码',
  copied: '已复制',
  copyFailed: '无法自动复制，请手动抄下回执码。',
  result: '表决结果',
  decidedAt: '计票完成于 ',
  ballotCount: '计入选票',
  digest: '投票记录摘要（SHA-256）',
  digestHint: '任何人都可以根据公开的投票记录重新计算这一摘要，核对结果没有被改动。',
  implementation: '实施情况：',
  check: '核对我的选票',
  receipt: '回执码',
  receiptFormat: '格式：XXXX-XXXX-XXXX-XXXX，大小写均可',
  checkButton: '核对',
  checking: '正在核对…',
  counted: (position, choice) => `已计入：第 ${position} 张选票，选择「${choice}」。`,
  notCounted: '未找到这个回执码：没有计入（如您更改过选择，旧回执码不再有效）。',
  errors: {
    ALREADY_VOTED: '这一户已经投过票了，不能再投。',
    VOTING_CLOSED: '投票已经截止。',
    NOT_ON_ROLL: '您名下没有本次表决名册中的房屋，不能投票。',
    CHOOSE_HOUSEHOLD: '您有多户房屋，请选择为哪一户投票。',
    NOT_FOUND: '找不到该表决事项。',
    FORBIDDEN: '请先登录。',
    OFFLINE: '无法连接服务器，请检查网络后重试。',
    OTHER: '操作失败，请稍后重试。',
  },
};

export const votingEn: VotingTranslation = {
  locale: 'en',
  separator: ', ',
  label: "Owners' vote",
  loading: 'Loading the matter…',
  noProposal: 'No matter to show.',
  missing: 'This matter does not exist or has not been published.',
  offline: 'The server cannot be reached. Check the network and try again.',
  failed: (detail) => `Could not load: ${detail}`,
  retry: 'Try again',
  live: 'Live',
  reconnecting: 'Live updates interrupted, reconnecting…',
  stages: {
    PROPOSED: 'Proposed',
    UNDER_REVIEW: 'Under review',
    APPROVED_FOR_NOTICE: 'Approved, awaiting notice',
    NOTICE_PERIOD: 'On notice before the vote',
    VOTING: 'Voting',
    DECIDED: 'Decided',
    RESULT_PUBLISHED: 'Result published',
    IMPLEMENTED: 'Implementation reported',
    REJECTED: 'Rejected in review',
    WITHDRAWN: 'Withdrawn',
  },
  matterTypes: {
    RULES: "Rules of the owners' assembly and the management statute",
    OWNERS_COMMITTEE_ELECTION: "Electing or replacing the owners' committee",
    PROPERTY_COMPANY_HIRING: 'Hiring or dismissing the property management company',
    MAINTENANCE_FUND_USE: 'Using the maintenance fund',
    MAINTENANCE_FUND_RAISING: 'Raising the maintenance fund',
    REBUILDING: 'Rebuilding or altering buildings and facilities',
    COMMON_PARTS_USE_CHANGE: 'Changing the use of common parts',
    COMMON_PARTS_BUSINESS: 'Business use of common parts',
    COMMUNITY_AFFAIRS: 'Community affairs',
    OTHER: 'Other matters of joint management',
  },
  choices: { FOR: 'For', AGAINST: 'Against', ABSTAIN: 'Abstain' },
  outcomes: { PASSED: 'Passed', FAILED: 'Not passed' },
  stage: 'Stage',
  matterType: 'Matter',
  scope: 'Who votes',
  window: 'Voting',
  rangeTo: ' to ',
  rule: 'Rule',
  changeable: (yes) => (yes ? 'may be changed until voting closes' : 'final once cast'),
  ballotRule: 'Ballots',
  attachments: 'Attachments',
  newWindow: ' (opens in a new window)',
  opensAt: (when) => `Voting opens on ${when}.`,
  noVote: 'This matter is not put to the vote.',
  liveTally: 'Live count',
  finalTally: 'Final count',
  bars: {
    participationByArea: 'Taking part (floor area)',
    participationByHeadcount: 'Taking part (headcount)',
    approvalByArea: 'In favour (floor area)',
    approvalByHeadcount: 'In favour (headcount)',
  },
  amount: (part, whole, bar) =>
    `${part} of ${whole}${bar.unit === 'area' ? ' m²' : ' households'}, ${bar.key.startsWith('participation') ? 'of all owners' : 'of those taking part'}`,
  threshold: (strict, fraction, percent) => `threshold: ${strict ? 'more than' : 'at least'} ${fraction} (${percent})`,
  noThreshold: 'no threshold',
  met: (met) => (met ? 'met' : 'not met'),
  counts: (forCount, against, abstain, roll) =>
    `${forCount} for · ${against} against · ${abstain} abstaining · ${roll} households on the roll`,
  wouldPass: (passes) => (passes ? 'If voting closed now, it would pass' : 'If voting closed now, it would not pass'),
  counting: 'Voting time is over; the votes are being counted.',
  ballot: 'Your ballot',
  signIn: 'Owners sign in to vote here.',
  notOnRoll: 'You own no household on the roll of this vote.',
  household: 'Vote for which household',
  voted: (choice, when) => `Voted “${choice}” (${when})`,
  choice: 'Your choice',
  cast: 'Cast ballot',
  confirm: (choice, household, changeable) =>
    `Cast “${choice}” for ${household}? ${changeable ? 'You can change it until voting closes.' : 'It cannot be changed once cast.'}`,
  confirmYes: 'Confirm',
  back: 'Go back',
  change: 'Change my ballot',
  chooseFirst: 'Choose for, against or abstain first.',
  receiptTitle: (changed) => (changed ? 'Ballot changed. Your new receipt code:' : 'Ballot cast. Your receipt code:'),
  receiptHint: 'The code is shown only now: write it down or copy it. Once voting closes, use it to check that your ballot was counted.',
  copy: 'Copy receipt code',
  copied: 'Copied',
  copyFailed: 'Could not copy; please write the code down.',
  result: 'Result',
  decidedAt: 'counted on ',
  ballotCount: 'Ballots counted',
  digest: 'Digest of the ballot log (SHA-256)',
  digestHint: 'Anyone can recompute this digest from the published ballot log to check the result was not altered.',
  implementation: 'Implementation: ',
  check: 'Check my ballot',
  receipt: 'Receipt code',
  receiptFormat: 'Format: XXXX-XXXX-XXXX-XXXX, any case',
  checkButton: 'Check',
  checking: 'Checking…',
  counted: (position, choice) => `Counted: ballot no. ${position}, “${choice}”.`,
  notCounted: 'This receipt code is not in the log: not counted (after a change, the old code no longer counts).',
  errors: {
    ALREADY_VOTED: 'This household has already voted.',
    VOTING_CLOSED: 'Voting has closed.',
    NOT_ON_ROLL: 'You own no household on the roll of this vote.',
    CHOOSE_HOUSEHOLD: 'You own several households: choose which one this ballot is for.',
    NOT_FOUND: 'This matter was not found.',
    FORBIDDEN: 'Please sign in first.',
    OFFLINE: 'The server cannot be reached. Check the network and try again.',
    OTHER: 'Something went wrong. Please try again later.',
  },
};

/** English for any `en*` language tag, Chinese otherwise. */
export function votingTranslationFor(lang: string | null | undefined): VotingTranslation {
  return lang?.toLowerCase().startsWith('en') ? votingEn : votingZhCN;
}
