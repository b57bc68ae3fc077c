/**
 * The rules of owners' votes (业主共同决定事项), PRC Civil Code Article 278:
 *
 * - Participation (第二款): owners holding at least 2/3 of the exclusive floor area AND at least
 *   2/3 of the owners by number take part in the vote. Abstentions count as taking part.
 * - Special matters (items 6–8: raising or using the maintenance fund, rebuilding, changing the use
 *   of common parts or running them for profit): consent of at least 3/4 of the participating area
 *   AND at least 3/4 of the participating owners.
 * - Every other matter: consent of MORE than half of the participating area AND more than half of
 *   the participating owners.
 *
 * Besides these, a community may run a simple headcount vote (more than half of the ballots cast,
 * abstentions included, are FOR; no turnout needed) or a rule of its own thresholds.
 *
 * Arithmetic is exact: areas are integer hundredths of a square metre (0.01 m², a centiare) held
 * as bigint, thresholds are fractions num/den, and "part/whole ≥ num/den" is decided as
 * part·den ≥ num·whole. No floating point anywhere, so 2/3 of 300.00 m² is met by 200.00 m² and
 * not by 199.99 m².
 */

export const VOTE_RULE_KINDS = ['SIMPLE_MAJORITY', 'CIVIL_CODE_ORDINARY', 'CIVIL_CODE_SPECIAL', 'CUSTOM'] as const;
export type VoteRuleKind = (typeof VOTE_RULE_KINDS)[number];
export type Choice = 'FOR' | 'AGAINST' | 'ABSTAIN';

/** A fraction num/den, compared exactly (no floats): 2/3 is {num:2,den:3}. */
export interface Fraction {
  num: number;
  den: number;
}

/** strict: "more than" the fraction; otherwise "at least". */
export interface Threshold {
  fraction: Fraction;
  strict: boolean;
}

/** A null threshold is not required. Participation is against the electorate, approval (FOR) against those taking part. */
export interface VoteRule {
  kind: VoteRuleKind;
  participationByArea: Threshold | null;
  participationByHeadcount: Threshold | null;
  approvalByArea: Threshold | null;
  approvalByHeadcount: Threshold | null;
}

const atLeast = (num: number, den: number): Threshold => ({ fraction: { num, den }, strict: false });
const moreThan = (num: number, den: number): Threshold => ({ fraction: { num, den }, strict: true });

/** The fixed rules. A fresh object each call, so callers may keep or change it freely. */
export function ruleOf(kind: Exclude<VoteRuleKind, 'CUSTOM'>): VoteRule {
  switch (kind) {
    // A headcount vote: FOR is more than half of the ballots cast, abstentions included; no turnout needed.
    case 'SIMPLE_MAJORITY':
      return { kind, participationByArea: null, participationByHeadcount: null, approvalByArea: null, approvalByHeadcount: moreThan(1, 2) };
    // Art. 278 ¶2: 2/3 of the area and 2/3 of the owners take part; then more than half of each consents.
    case 'CIVIL_CODE_ORDINARY':
      return {
        kind,
        participationByArea: atLeast(2, 3),
        participationByHeadcount: atLeast(2, 3),
        approvalByArea: moreThan(1, 2),
        approvalByHeadcount: moreThan(1, 2),
      };
    // Art. 278 ¶2, items 6–8: the same turnout; then at least 3/4 of each consents.
    case 'CIVIL_CODE_SPECIAL':
      return {
        kind,
        participationByArea: atLeast(2, 3),
        participationByHeadcount: atLeast(2, 3),
        approvalByArea: atLeast(3, 4),
        approvalByHeadcount: atLeast(3, 4),
      };
    default:
      throw new RangeError(`Unknown vote rule kind: ${String(kind)}`);
  }
}

function checkThreshold(t: Threshold | null, name: string): Threshold | null {
  if (t === null) return null;
  const { num, den } = t.fraction;
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || den <= 0 || num < 0 || num > den) {
    throw new RangeError(`${name}: ${num}/${den} is not a fraction between 0 and 1 (integers, den > 0, 0 ≤ num ≤ den)`);
  }
  return { fraction: { num, den }, strict: t.strict === true };
}

/** A rule of the community's own thresholds; throws RangeError on a fraction outside 0..1 or not of integers. */
export function customRule(t: Omit<VoteRule, 'kind'>): VoteRule {
  return {
    kind: 'CUSTOM',
    participationByArea: checkThreshold(t.participationByArea, 'participationByArea'),
    participationByHeadcount: checkThreshold(t.participationByHeadcount, 'participationByHeadcount'),
    approvalByArea: checkThreshold(t.approvalByArea, 'approvalByArea'),
    approvalByHeadcount: checkThreshold(t.approvalByHeadcount, 'approvalByHeadcount'),
  };
}

/** part/whole against the threshold, exactly: part·den ≥ num·whole ("at least") or > ("more than"). Nothing is a share of 0. */
export function meets(part: bigint, whole: bigint, t: Threshold): boolean {
  checkThreshold(t, 'threshold');
  if (whole <= 0n) return false;
  const lhs = part * BigInt(t.fraction.den);
  const rhs = BigInt(t.fraction.num) * whole;
  return t.strict ? lhs > rhs : lhs >= rhs;
}

/** The electorate: totals of the frozen voter roll. Areas are integer hundredths of a square metre. */
export interface Electorate {
  households: number;
  areaHundredths: bigint | number;
}

export interface BallotSum {
  count: number;
  areaHundredths: bigint | number;
}

/** Sums of the ballots cast so far, one ballot per household. */
export interface BallotSums {
  for: BallotSum;
  against: BallotSum;
  abstain: BallotSum;
}

/** Households and area counted, and whether each threshold is met (null when the rule has none). */
export interface TallyPart {
  households: number;
  areaHundredths: bigint;
  byHeadcountMet: boolean | null;
  byAreaMet: boolean | null;
}

export interface Tally {
  /** Everyone who cast a ballot (FOR, AGAINST or ABSTAIN), against the electorate. */
  participation: TallyPart;
  /** The FOR ballots, against those who took part. */
  approval: TallyPart;
  /** Would pass if voting closed now: every threshold of the rule met, at least one ballot cast. */
  passes: boolean;
}

function count(n: number, name: string): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer, not ${n}`);
  return n;
}

function area(a: bigint | number, name: string): bigint {
  if (typeof a === 'number' && !Number.isSafeInteger(a)) throw new RangeError(`${name} must be whole hundredths of a m², not ${a}`);
  const big = BigInt(a);
  if (big < 0n) throw new RangeError(`${name} must not be negative, not ${a}`);
  return big;
}

const check = (part: bigint, whole: bigint, t: Threshold | null) => (t === null ? null : meets(part, whole, t));

/** The state of a vote under a rule. Throws RangeError on negative or fractional inputs, or more ballots than the roll. */
export function tally(rule: VoteRule, electorate: Electorate, sums: BallotSums): Tally {
  const rollHouseholds = count(electorate.households, 'electorate.households');
  const rollArea = area(electorate.areaHundredths, 'electorate.areaHundredths');
  const forCount = count(sums.for.count, 'for.count');
  const forArea = area(sums.for.areaHundredths, 'for.areaHundredths');
  // Abstentions count as taking part (Art. 278: 参与表决), never as consent.
  const castCount = forCount + count(sums.against.count, 'against.count') + count(sums.abstain.count, 'abstain.count');
  const castArea =
    forArea + area(sums.against.areaHundredths, 'against.areaHundredths') + area(sums.abstain.areaHundredths, 'abstain.areaHundredths');
  if (castCount > rollHouseholds || castArea > rollArea) throw new RangeError('More ballots than the voter roll holds');

  const participation: TallyPart = {
    households: castCount,
    areaHundredths: castArea,
    byHeadcountMet: check(BigInt(castCount), BigInt(rollHouseholds), rule.participationByHeadcount),
    byAreaMet: check(castArea, rollArea, rule.participationByArea),
  };
  const approval: TallyPart = {
    households: forCount,
    areaHundredths: forArea,
    byHeadcountMet: check(BigInt(forCount), BigInt(castCount), rule.approvalByHeadcount),
    byAreaMet: check(forArea, castArea, rule.approvalByArea),
  };
  const flags = [participation.byHeadcountMet, participation.byAreaMet, approval.byHeadcountMet, approval.byAreaMet];
  const passes = rollHouseholds > 0 && castCount > 0 && flags.every((met) => met !== false);
  return { participation, approval, passes };
}

// ---- Plain words ----

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

const ZH_DIGITS = '零一二三四五六七八九';
function zhNumber(n: number): string {
  if (n < 10) return ZH_DIGITS[n];
  if (n < 20) return `十${n % 10 ? ZH_DIGITS[n % 10] : ''}`;
  if (n < 100) return `${ZH_DIGITS[Math.floor(n / 10)]}十${n % 10 ? ZH_DIGITS[n % 10] : ''}`;
  return String(n);
}

function fractionWords({ num, den }: Fraction, lang: 'zh-CN' | 'en'): string {
  const g = gcd(num, den) || 1;
  const [n, d] = [num / g, den / g];
  if (n * 2 === d) return lang === 'en' ? 'half' : '半数';
  return lang === 'en' ? `${n}/${d}` : `${zhNumber(d)}分之${zhNumber(n)}`;
}

/** A threshold in words. In English a bare fraction reads "at least" after "needs" (turnout); consent says it. */
function thresholdWords(t: Threshold, lang: 'zh-CN' | 'en', bareAtLeast: boolean): string {
  const f = fractionWords(t.fraction, lang);
  if (lang === 'en') return t.strict ? `more than ${f}` : bareAtLeast ? f : `at least ${f}`;
  // 以上 includes the number itself (民法典第1259条); 过半数 is "more than half".
  if (t.strict) return f === '半数' ? '过半数' : `超过${f}`;
  return `${f}以上`;
}

const sameThreshold = (a: Threshold, b: Threshold) =>
  a.strict === b.strict && a.fraction.num * b.fraction.den === b.fraction.num * a.fraction.den;

function participationWords(rule: VoteRule, lang: 'zh-CN' | 'en'): string {
  const area = rule.participationByArea && thresholdWords(rule.participationByArea, lang, true);
  const head = rule.participationByHeadcount && thresholdWords(rule.participationByHeadcount, lang, true);
  if (lang === 'en') {
    if (area && head) return `needs owners with ${area} of the floor area and ${head} of the owners to take part`;
    if (area) return `needs owners with ${area} of the floor area to take part`;
    if (head) return `needs ${head} of the owners to take part`;
    return 'no minimum turnout';
  }
  if (area && head) return `需专有部分面积占比${area}且人数占比${head}的业主参与表决`;
  if (area) return `需专有部分面积占比${area}的业主参与表决`;
  if (head) return `需人数占比${head}的业主参与表决`;
  return '不设参与表决门槛';
}

function approvalWords(rule: VoteRule, lang: 'zh-CN' | 'en'): string {
  const { approvalByArea: a, approvalByHeadcount: h } = rule;
  const area = a && thresholdWords(a, lang, false);
  const head = h && thresholdWords(h, lang, false);
  if (lang === 'en') {
    if (a && h && sameThreshold(a, h)) return `passes with ${area} of each`;
    if (area && head) return `passes with ${area} of the floor area and ${head} of the owners taking part`;
    if (area) return `passes with ${area} of the floor area taking part`;
    if (head) return `passes with ${head} of the owners taking part`;
    return 'passes once anyone votes';
  }
  if (area && head) return `经参与表决专有部分面积${area}且参与表决人数${head}的业主同意即通过`;
  if (area) return `经参与表决专有部分面积${area}的业主同意即通过`;
  if (head) return `经参与表决人数${head}的业主同意即通过`;
  return '有业主投票即通过';
}

/** Plain-words description of a rule, e.g. en: "needs owners with 2/3 of the floor area and 2/3 of the owners to take part; passes with more than half of each". */
export function describeRule(rule: VoteRule, lang: 'zh-CN' | 'en'): string {
  return `${participationWords(rule, lang)}${lang === 'en' ? '; ' : '；'}${approvalWords(rule, lang)}`;
}
