import type { Faker } from '@faker-js/faker';
import type { BeneficiaryKind, WishCategory, WishState } from '../modules/wishes/wish.entity.js';

/** What residents in difficulty ask for (微心愿), by category: a title and the story behind it. */
export const WISH_TEMPLATES: Record<WishCategory, { title: string; story: string }[]> = {
  DAILY_NEEDS: [
    { title: '想要一台收音机', story: '独居多年，眼睛不好，想听听新闻和戏曲。' },
    { title: '冬天需要一床厚棉被', story: '家里的被子用了十几年，冬天夜里很冷。' },
    { title: '想换一个电饭煲', story: '旧电饭煲坏了，每天做饭很不方便。' },
  ],
  STUDY: [
    { title: '孩子想要一套课外读物', story: '孩子喜欢看书，家里条件有限，想要几本适合小学生的书。' },
    { title: '需要一个书桌台灯', story: '孩子晚上写作业光线不好，想要一盏护眼台灯。' },
    { title: '想请人辅导数学', story: '孩子父母在外打工，数学跟不上，希望有志愿者每周辅导一次。' },
  ],
  HEALTH: [
    { title: '想要一台血压计', story: '患高血压多年，想在家随时测量。' },
    { title: '需要一副老花镜', story: '看不清药盒上的字，想配一副老花镜。' },
    { title: '陪同去医院复查', story: '腿脚不便，子女不在身边，希望有人陪同去医院复查。' },
  ],
  COMPANIONSHIP: [
    { title: '希望有人陪我聊聊天', story: '老伴去世后一个人住，希望每周有人来陪着说说话。' },
    { title: '想学用智能手机', story: '想和外地的孩子视频通话，但不会用智能手机。' },
  ],
  HOME_REPAIR: [
    { title: '卫生间水管漏水', story: '卫生间水管漏水好几天了，自己修不了。' },
    { title: '想装一个扶手', story: '年纪大了，上厕所起身困难，想在卫生间装一个扶手。' },
    { title: '楼道灯坏了', story: '家门口的灯坏了，晚上进出看不清台阶。' },
  ],
  OTHER: [{ title: '想给孙子过一个生日', story: '孙子跟着我生活，想给他买个蛋糕过生日。' }],
};

const KIND_BY_CATEGORY: Record<WishCategory, BeneficiaryKind[]> = {
  DAILY_NEEDS: ['ELDERLY_ALONE', 'HARDSHIP_FAMILY', 'DISABLED'],
  STUDY: ['CHILD', 'HARDSHIP_FAMILY'],
  HEALTH: ['ELDERLY_ALONE', 'DISABLED'],
  COMPANIONSHIP: ['ELDERLY_ALONE'],
  HOME_REPAIR: ['ELDERLY_ALONE', 'DISABLED', 'HARDSHIP_FAMILY'],
  OTHER: ['CHILD', 'OTHER'],
};

/** Most wishes of a year are lit up; some wait, a few were turned away or withdrawn. */
const STATE_WEIGHTS: { weight: number; value: WishState }[] = [
  { weight: 45, value: 'CONFIRMED' },
  { weight: 8, value: 'FULFILLED' },
  { weight: 12, value: 'CLAIMED' },
  { weight: 20, value: 'OPEN' },
  { weight: 8, value: 'PENDING_REVIEW' },
  { weight: 3, value: 'REJECTED' },
  { weight: 2, value: 'WITHDRAWN' },
  { weight: 2, value: 'EXPIRED' },
];

const DAY = 86_400_000;

export interface WishDraft {
  title: string;
  story: string;
  category: WishCategory;
  beneficiaryKind: BeneficiaryKind;
  estimatedCost: number;
  state: WishState;
  /** Days before the day of seeding it was posted. */
  postedDaysAgo: number;
  openedAt: Date | null;
  claimedAt: Date | null;
  claimDeadline: Date | null;
  fulfilledAt: Date | null;
  confirmedAt: Date | null;
  wantedBy: string | null;
  fulfilmentNote: string | null;
  claimed: boolean;
}

/**
 * One wish's content and history. Dates count back from `day` (the day of seeding, midnight in
 * China), so open wishes and running claims are never already past their dates when the demo
 * starts; the same day gives the same rows.
 */
export function draftWish(faker: Faker, day: Date): WishDraft {
  const category = faker.helpers.arrayElement(Object.keys(WISH_TEMPLATES) as WishCategory[]);
  const { title, story } = faker.helpers.arrayElement(WISH_TEMPLATES[category]);
  const state = faker.helpers.weightedArrayElement(STATE_WEIGHTS);
  const postedDaysAgo = faker.number.int({ min: 3, max: 330 });
  const posted = day.getTime() - postedDaysAgo * DAY;
  const opened = state === 'PENDING_REVIEW' || state === 'REJECTED' ? null : new Date(posted + DAY);
  const claimedAt = ['CLAIMED', 'FULFILLED', 'CONFIRMED'].includes(state)
    ? new Date(Math.min(posted + faker.number.int({ min: 2, max: 10 }) * DAY, day.getTime() - 2 * DAY))
    : null;
  const fulfilledAt =
    claimedAt && state !== 'CLAIMED'
      ? new Date(Math.min(claimedAt.getTime() + faker.number.int({ min: 1, max: 6 }) * DAY, day.getTime() - DAY))
      : null;
  const confirmedAt = fulfilledAt && state === 'CONFIRMED' ? new Date(Math.min(fulfilledAt.getTime() + DAY, day.getTime())) : null;
  const future = (days: number) => new Date(day.getTime() + days * DAY).toISOString().slice(0, 10);
  return {
    title,
    story,
    category,
    beneficiaryKind: faker.helpers.arrayElement(KIND_BY_CATEGORY[category]),
    estimatedCost: faker.number.int({ min: 2, max: 60 }) * 10,
    state,
    postedDaysAgo,
    openedAt: opened,
    claimedAt,
    claimDeadline: state === 'CLAIMED' ? new Date(day.getTime() + faker.number.int({ min: 2, max: 7 }) * DAY) : null,
    fulfilledAt,
    confirmedAt,
    wantedBy: state === 'OPEN' || state === 'PENDING_REVIEW' || state === 'CLAIMED' ? future(faker.number.int({ min: 10, max: 60 })) : null,
    fulfilmentNote: fulfilledAt ? '已送到老人家中，并讲解了使用方法。' : null,
    claimed: claimedAt !== null,
  };
}
