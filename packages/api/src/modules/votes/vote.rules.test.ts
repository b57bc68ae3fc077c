import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BallotSums,
  type Choice,
  customRule,
  describeRule,
  type Electorate,
  meets,
  ruleOf,
  type Threshold,
  tally,
  type VoteRule,
} from './vote.rules.js';

const ORDINARY = ruleOf('CIVIL_CODE_ORDINARY');
const SPECIAL = ruleOf('CIVIL_CODE_SPECIAL');
const SIMPLE = ruleOf('SIMPLE_MAJORITY');

/** Sums from [households, hundredths] per choice. */
function sums(f: [number, number], a: [number, number] = [0, 0], x: [number, number] = [0, 0]): BallotSums {
  return {
    for: { count: f[0], areaHundredths: f[1] },
    against: { count: a[0], areaHundredths: a[1] },
    abstain: { count: x[0], areaHundredths: x[1] },
  };
}

// 30 households, 3,000.00 m²: 2/3 is 20 households and 2,000.00 m².
const ROLL: Electorate = { households: 30, areaHundredths: 300_000n };

describe('participation: at least 2/3 of the area and 2/3 of the owners (Art. 278 ¶2)', () => {
  it('exactly 2/3 of each is met; one hundredth of a m² or one household less is not', () => {
    expect(tally(ORDINARY, ROLL, sums([20, 200_000])).participation).toEqual({
      households: 20,
      areaHundredths: 200_000n,
      byHeadcountMet: true,
      byAreaMet: true,
    });
    expect(tally(ORDINARY, ROLL, sums([20, 200_000])).passes).toBe(true);
    const lessArea = tally(ORDINARY, ROLL, sums([20, 199_999]));
    expect([lessArea.participation.byAreaMet, lessArea.participation.byHeadcountMet, lessArea.passes]).toEqual([false, true, false]);
    const lessHeads = tally(ORDINARY, ROLL, sums([19, 200_000]));
    expect([lessHeads.participation.byAreaMet, lessHeads.participation.byHeadcountMet, lessHeads.passes]).toEqual([true, false, false]);
  });

  it('area met but headcount not fails, and the other way round', () => {
    // Three households: one large flat of 200.00 m², two of 50.00 m².
    const roll = { households: 3, areaHundredths: 30_000 };
    const bigOwnerAlone = tally(ORDINARY, roll, sums([1, 20_000]));
    expect(bigOwnerAlone.participation).toMatchObject({ byAreaMet: true, byHeadcountMet: false });
    expect(bigOwnerAlone.passes).toBe(false);
    const smallOwners = tally(ORDINARY, roll, sums([2, 10_000]));
    expect(smallOwners.participation).toMatchObject({ byAreaMet: false, byHeadcountMet: true });
    expect(smallOwners.passes).toBe(false);
  });

  it('abstentions count as taking part but not as consent', () => {
    const withAbstentions = tally(ORDINARY, ROLL, sums([11, 110_000], [0, 0], [9, 90_000]));
    expect(withAbstentions.participation).toMatchObject({
      households: 20,
      areaHundredths: 200_000n,
      byAreaMet: true,
      byHeadcountMet: true,
    });
    expect(withAbstentions.passes).toBe(true);
    expect(tally(ORDINARY, ROLL, sums([11, 110_000])).passes).toBe(false); // the same FOR ballots alone are too few to take part
    // No one against, but half abstain: FOR is only half of those taking part.
    const halfAbstain = tally(ORDINARY, ROLL, sums([10, 100_000], [0, 0], [10, 100_000]));
    expect(halfAbstain.approval).toEqual({ households: 10, areaHundredths: 100_000n, byHeadcountMet: false, byAreaMet: false });
    expect(halfAbstain.passes).toBe(false);
  });
});

describe('ordinary matters: more than half of those taking part, by area and by number', () => {
  it('exactly half does not pass; half and one hundredth of a m² and one household does', () => {
    expect(tally(ORDINARY, ROLL, sums([10, 100_000], [10, 100_000])).passes).toBe(false);
    expect(tally(ORDINARY, ROLL, sums([11, 100_001], [9, 99_999])).passes).toBe(true);
  });

  it('more than half by area but exactly half by number fails, and the other way round', () => {
    const byArea = tally(ORDINARY, ROLL, sums([10, 100_001], [10, 99_999]));
    expect(byArea.approval).toMatchObject({ byAreaMet: true, byHeadcountMet: false });
    expect(byArea.passes).toBe(false);
    const byNumber = tally(ORDINARY, ROLL, sums([11, 100_000], [9, 100_000]));
    expect(byNumber.approval).toMatchObject({ byAreaMet: false, byHeadcountMet: true });
    expect(byNumber.passes).toBe(false);
  });
});

describe('special matters (items 6–8): at least 3/4 of those taking part, by area and by number', () => {
  it('exactly 3/4 passes; one hundredth of a m² or one household less fails', () => {
    expect(tally(SPECIAL, ROLL, sums([15, 150_000], [5, 50_000])).passes).toBe(true);
    expect(tally(SPECIAL, ROLL, sums([15, 149_999], [5, 50_001])).passes).toBe(false);
    expect(tally(SPECIAL, ROLL, sums([14, 150_000], [6, 50_000])).passes).toBe(false);
  });

  it('an ordinary majority is not enough', () => {
    const twoThirds = sums([16, 160_000], [8, 80_000]); // 2/3 of 24 households taking part
    expect(tally(ORDINARY, ROLL, twoThirds).passes).toBe(true);
    expect(tally(SPECIAL, ROLL, twoThirds).passes).toBe(false);
  });
});

describe('simple majority: FOR is more than half of the ballots cast, no turnout needed', () => {
  const roll = { households: 1000, areaHundredths: 10_000_000n };
  it('a tie fails, abstentions included; one more FOR passes', () => {
    expect(tally(SIMPLE, roll, sums([5, 500], [5, 500])).passes).toBe(false);
    expect(tally(SIMPLE, roll, sums([5, 500], [4, 400], [1, 100])).passes).toBe(false);
    expect(tally(SIMPLE, roll, sums([6, 600], [5, 500])).passes).toBe(true);
  });

  it('one ballot of a thousand households is enough; areas do not count', () => {
    const one = tally(SIMPLE, roll, sums([1, 1]));
    expect(one).toEqual({
      participation: { households: 1, areaHundredths: 1n, byHeadcountMet: null, byAreaMet: null },
      approval: { households: 1, areaHundredths: 1n, byHeadcountMet: true, byAreaMet: null },
      passes: true,
    });
    expect(tally(SIMPLE, roll, sums([3, 100], [2, 900_000])).passes).toBe(true);
  });
});

describe('nothing to count', () => {
  const noThresholds = customRule({
    participationByArea: null,
    participationByHeadcount: null,
    approvalByArea: null,
    approvalByHeadcount: null,
  });
  const zero: Threshold = { fraction: { num: 0, den: 1 }, strict: false };
  const trivial = customRule({
    participationByArea: zero,
    participationByHeadcount: zero,
    approvalByArea: zero,
    approvalByHeadcount: zero,
  });

  it('an empty electorate never passes', () => {
    for (const rule of [SIMPLE, ORDINARY, SPECIAL, noThresholds, trivial]) {
      expect(tally(rule, { households: 0, areaHundredths: 0 }, sums([0, 0])).passes).toBe(false);
    }
  });

  it('no ballots never pass, whatever the thresholds', () => {
    for (const rule of [SIMPLE, ORDINARY, SPECIAL, noThresholds, trivial]) {
      expect(tally(rule, ROLL, sums([0, 0])).passes).toBe(false);
    }
    expect(tally(noThresholds, ROLL, sums([0, 0], [1, 100])).passes).toBe(true);
  });
});

describe('inputs', () => {
  it('number and bigint areas give the same tally', () => {
    expect(tally(ORDINARY, { households: 30, areaHundredths: 300_000 }, sums([20, 200_000]))).toEqual(
      tally(ORDINARY, ROLL, {
        for: { count: 20, areaHundredths: 200_000n },
        against: { count: 0, areaHundredths: 0n },
        abstain: { count: 0, areaHundredths: 0n },
      }),
    );
  });

  it('rejects fractional or negative inputs and more ballots than the roll', () => {
    expect(() => tally(ORDINARY, { households: 30, areaHundredths: 0.5 }, sums([0, 0]))).toThrow(RangeError);
    expect(() => tally(ORDINARY, ROLL, sums([-1, 0]))).toThrow(RangeError);
    expect(() => tally(ORDINARY, ROLL, sums([31, 1]))).toThrow(RangeError);
    expect(() => tally(ORDINARY, ROLL, sums([1, 300_001]))).toThrow(RangeError);
  });

  it('customRule accepts fractions of integers between 0 and 1 only', () => {
    const rule = (num: number, den: number) => () =>
      customRule({
        participationByArea: null,
        participationByHeadcount: null,
        approvalByArea: null,
        approvalByHeadcount: { fraction: { num, den }, strict: true },
      });
    expect(rule(3, 5)().approvalByHeadcount).toEqual({ fraction: { num: 3, den: 5 }, strict: true });
    expect(rule(0, 1)().kind).toBe('CUSTOM');
    for (const [num, den] of [
      [1, 0],
      [2, 1],
      [-1, 2],
      [1.5, 3],
      [1, 2.5],
      [Number.NaN, 2],
    ]) {
      expect(rule(num, den)).toThrow(RangeError);
    }
  });

  it('meets compares exactly and nothing is a share of 0', () => {
    const twoThirds = { fraction: { num: 2, den: 3 }, strict: false };
    expect(meets(2n, 3n, twoThirds)).toBe(true);
    expect(meets(2n, 3n, { ...twoThirds, strict: true })).toBe(false);
    expect(meets(666_666_666_666_666_667n, 1_000_000_000_000_000_000n, twoThirds)).toBe(true);
    expect(meets(666_666_666_666_666_666n, 1_000_000_000_000_000_000n, twoThirds)).toBe(false);
    expect(meets(0n, 0n, { fraction: { num: 0, den: 1 }, strict: false })).toBe(false);
  });
});

describe('describeRule', () => {
  it('says the fixed rules in English', () => {
    expect(describeRule(ORDINARY, 'en')).toBe(
      'needs owners with 2/3 of the floor area and 2/3 of the owners to take part; passes with more than half of each',
    );
    expect(describeRule(SPECIAL, 'en')).toBe(
      'needs owners with 2/3 of the floor area and 2/3 of the owners to take part; passes with at least 3/4 of each',
    );
    expect(describeRule(SIMPLE, 'en')).toBe('no minimum turnout; passes with more than half of the owners taking part');
  });

  it('says the fixed rules in Chinese, in the words of Article 278', () => {
    expect(describeRule(ORDINARY, 'zh-CN')).toBe(
      '需专有部分面积占比三分之二以上且人数占比三分之二以上的业主参与表决；经参与表决专有部分面积过半数且参与表决人数过半数的业主同意即通过',
    );
    expect(describeRule(SPECIAL, 'zh-CN')).toBe(
      '需专有部分面积占比三分之二以上且人数占比三分之二以上的业主参与表决；经参与表决专有部分面积四分之三以上且参与表决人数四分之三以上的业主同意即通过',
    );
    expect(describeRule(SIMPLE, 'zh-CN')).toBe('不设参与表决门槛；经参与表决人数过半数的业主同意即通过');
  });

  it('says custom rules', () => {
    const rule = customRule({
      participationByArea: null,
      participationByHeadcount: { fraction: { num: 1, den: 2 }, strict: true },
      approvalByArea: { fraction: { num: 6, den: 10 }, strict: false },
      approvalByHeadcount: { fraction: { num: 2, den: 3 }, strict: true },
    });
    expect(describeRule(rule, 'en')).toBe(
      'needs more than half of the owners to take part; passes with at least 3/5 of the floor area and more than 2/3 of the owners taking part',
    );
    expect(describeRule(rule, 'zh-CN')).toBe(
      '需人数占比过半数的业主参与表决；经参与表决专有部分面积五分之三以上且参与表决人数超过三分之二的业主同意即通过',
    );
  });
});

// ---- Against a reference: household by household, plain cross-multiplication ----

interface Home {
  area: bigint;
  choice: Choice | null;
}

interface Flags {
  partArea: boolean | null;
  partHeads: boolean | null;
  forArea: boolean | null;
  forHeads: boolean | null;
  passes: boolean;
}

/** part/whole ≥ n/d (or >), written out once more. */
function ratio(part: bigint, whole: bigint, n: number, d: number, strict: boolean): boolean {
  if (whole === 0n) return false;
  return strict ? part * BigInt(d) > whole * BigInt(n) : part * BigInt(d) >= whole * BigInt(n);
}

/** The rules read from the law's text for the fixed kinds, from the thresholds for CUSTOM. */
function reference(rule: VoteRule, homes: Home[]): Flags {
  let rollArea = 0n;
  let castArea = 0n;
  let forArea = 0n;
  let cast = 0n;
  let inFavour = 0n;
  for (const home of homes) {
    rollArea += home.area;
    if (home.choice === null) continue;
    cast += 1n;
    castArea += home.area;
    if (home.choice === 'FOR') {
      inFavour += 1n;
      forArea += home.area;
    }
  }
  const roll = BigInt(homes.length);
  let flags: Omit<Flags, 'passes'>;
  const t = (x: Threshold | null, part: bigint, whole: bigint) => (x ? ratio(part, whole, x.fraction.num, x.fraction.den, x.strict) : null);
  switch (rule.kind) {
    case 'SIMPLE_MAJORITY':
      flags = { partArea: null, partHeads: null, forArea: null, forHeads: inFavour * 2n > cast };
      break;
    case 'CIVIL_CODE_ORDINARY':
      flags = {
        partArea: castArea * 3n >= rollArea * 2n,
        partHeads: cast * 3n >= roll * 2n,
        forArea: castArea > 0n && forArea * 2n > castArea,
        forHeads: cast > 0n && inFavour * 2n > cast,
      };
      break;
    case 'CIVIL_CODE_SPECIAL':
      flags = {
        partArea: castArea * 3n >= rollArea * 2n,
        partHeads: cast * 3n >= roll * 2n,
        forArea: castArea > 0n && forArea * 4n >= castArea * 3n,
        forHeads: cast > 0n && inFavour * 4n >= cast * 3n,
      };
      break;
    case 'CUSTOM':
      flags = {
        partArea: t(rule.participationByArea, castArea, rollArea),
        partHeads: t(rule.participationByHeadcount, cast, roll),
        forArea: t(rule.approvalByArea, forArea, castArea),
        forHeads: t(rule.approvalByHeadcount, inFavour, cast),
      };
      break;
  }
  const passes = homes.length > 0 && cast > 0n && Object.values(flags).every((f) => f !== false);
  return { ...flags, passes };
}

function sumsOf(homes: Home[]): { electorate: Electorate; sums: BallotSums } {
  const side = (choice: Choice) => {
    const mine = homes.filter((h) => h.choice === choice);
    return { count: mine.length, areaHundredths: mine.reduce((s, h) => s + Number(h.area), 0) };
  };
  const electorate = { households: homes.length, areaHundredths: homes.reduce((s, h) => s + h.area, 0n) };
  return { electorate, sums: { for: side('FOR'), against: side('AGAINST'), abstain: side('ABSTAIN') } };
}

function engine(rule: VoteRule, homes: Home[]): Flags {
  const { electorate, sums } = sumsOf(homes);
  const result = tally(rule, electorate, sums);
  return {
    partArea: result.participation.byAreaMet,
    partHeads: result.participation.byHeadcountMet,
    forArea: result.approval.byAreaMet,
    forHeads: result.approval.byHeadcountMet,
    passes: result.passes,
  };
}

/**
 * 1..500 households of 0.01..500.00 m². Each run draws its own turnout and leaning, so runs land on
 * both sides of every threshold, and often on it: half the runs have a dozen households or fewer
 * (fast-check's default size), the other half up to 500; some give every household the same area.
 */
const household = fc.record({
  area: fc.integer({ min: 1, max: 50_000 }),
  votes: fc.integer({ min: 0, max: 99 }),
  leans: fc.integer({ min: 0, max: 99 }),
});
const homesArb: fc.Arbitrary<Home[]> = fc
  .record({
    turnout: fc.integer({ min: 0, max: 100 }),
    forShare: fc.integer({ min: 0, max: 100 }),
    againstShare: fc.integer({ min: 0, max: 100 }),
    sameArea: fc.boolean(),
    households: fc.oneof(
      fc.array(household, { minLength: 1, maxLength: 500 }),
      fc.array(household, { minLength: 1, maxLength: 500, size: 'max' }),
    ),
  })
  .map(({ turnout, forShare, againstShare, sameArea, households }) =>
    households.map(({ area, votes, leans }) => ({
      area: BigInt(sameArea ? households[0].area : area),
      choice: votes >= turnout ? null : leans < forShare ? 'FOR' : leans < forShare + againstShare ? 'AGAINST' : 'ABSTAIN',
    })),
  );

const thresholdArb: fc.Arbitrary<Threshold | null> = fc.option(
  fc
    .integer({ min: 1, max: 12 })
    .chain((den) =>
      fc.record({ fraction: fc.record({ num: fc.integer({ min: 0, max: den }), den: fc.constant(den) }), strict: fc.boolean() }),
    ),
  { freq: 4 },
);

const customArb: fc.Arbitrary<VoteRule> = fc
  .record({
    participationByArea: thresholdArb,
    participationByHeadcount: thresholdArb,
    approvalByArea: thresholdArb,
    approvalByHeadcount: thresholdArb,
  })
  .map(customRule);

const RUNS = 2000;

describe('against the reference', () => {
  for (const rule of [SIMPLE, ORDINARY, SPECIAL]) {
    it(`${rule.kind}: every flag and the outcome agree, over ${RUNS} votes that pass and fail`, () => {
      let passed = 0;
      fc.assert(
        fc.property(homesArb, (homes) => {
          const expected = reference(rule, homes);
          expect(engine(rule, homes)).toEqual(expected);
          if (expected.passes) passed++;
        }),
        { numRuns: RUNS },
      );
      // The generator must exercise both outcomes, or the comparison proves little.
      expect(passed).toBeGreaterThan(RUNS / 20);
      expect(passed).toBeLessThan(RUNS - RUNS / 20);
    });
  }

  it(`CUSTOM: every flag and the outcome agree for random thresholds, over ${RUNS} votes`, () => {
    fc.assert(
      fc.property(customArb, homesArb, (rule, homes) => {
        expect(engine(rule, homes)).toEqual(reference(rule, homes));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('monotonicity', () => {
  const ruleArb = fc.oneof(fc.constantFrom(SIMPLE, ORDINARY, SPECIAL), customArb);
  it('turning one AGAINST into FOR never makes a passing vote fail', () => {
    const withAgainst = homesArb.filter((homes) => homes.some((h) => h.choice === 'AGAINST'));
    fc.assert(
      fc.property(ruleArb, withAgainst, fc.nat(), (rule, homes, pick) => {
        const against = homes.flatMap((h, i) => (h.choice === 'AGAINST' ? [i] : []));
        const flipped = homes.with(against[pick % against.length], { ...homes[against[pick % against.length]], choice: 'FOR' });
        if (engine(rule, homes).passes) expect(engine(rule, flipped).passes).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
