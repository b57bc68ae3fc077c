import { describe, expect, it } from 'vitest';
import {
  applyProgress,
  attachmentName,
  barsOf,
  castProblem,
  firstHousehold,
  householdLabel,
  mayVote,
  msUntilClose,
  normalizeReceipt,
  type OwnBallot,
  type PanelProposal,
  type PanelTally,
  percent,
  phaseOf,
} from './voting-panel.data.js';

const measure = (households: number, area: number, householdShare: number, areaShare: number, met: [boolean | null, boolean | null]) => ({
  households,
  area,
  householdShare,
  areaShare,
  byHeadcountMet: met[0],
  byAreaMet: met[1],
});

const tally = (extra: Partial<PanelTally> = {}): PanelTally => ({
  rollHouseholds: 10,
  rollArea: 1000,
  participation: measure(7, 700, 0.7, 0.7, [true, true]),
  approval: measure(5, 450, 5 / 7, 450 / 700, [true, true]),
  against: measure(1, 150, 1 / 7, 150 / 700, [null, null]),
  abstain: measure(1, 100, 1 / 7, 100 / 700, [null, null]),
  passes: true,
  final: false,
  ...extra,
});

const atLeast = (numerator: number, denominator: number) => ({
  fraction: { numerator, denominator },
  strict: false,
  value: numerator / denominator,
});
const moreThan = (numerator: number, denominator: number) => ({
  fraction: { numerator, denominator },
  strict: true,
  value: numerator / denominator,
});

const ballot = (id: string, choice: OwnBallot['choice'] = null): OwnBallot => ({
  household: { id, name: `${id}01室`, parent: { name: '1栋' } },
  choice,
  castAt: choice ? '2026-11-20T02:00:00Z' : null,
});

const proposal = (extra: Partial<PanelProposal> = {}): PanelProposal => ({
  id: 'P1',
  title: '选聘物业',
  text: '',
  attachmentUrls: [],
  matterType: 'PROPERTY_COMPANY_HIRING',
  ruleKind: 'CIVIL_CODE_ORDINARY',
  ballotsChangeable: false,
  votingOpensAt: '2026-11-01T00:00:00Z',
  votingClosesAt: '2026-11-30T00:00:00Z',
  ruleDescription: '',
  stage: 'VOTING',
  outcome: null,
  decidedAt: null,
  ballotDigest: null,
  ballotCount: null,
  implementationReport: null,
  scope: { id: 'A1', name: '小区' },
  rule: {
    kind: 'CIVIL_CODE_ORDINARY',
    participationByArea: atLeast(2, 3),
    participationByHeadcount: atLeast(2, 3),
    approvalByArea: moreThan(1, 2),
    approvalByHeadcount: moreThan(1, 2),
  },
  tally: tally(),
  ownBallots: [],
  ...extra,
});

describe('the voting panel without rendering', () => {
  it('tells the phase from the stage and the clock', () => {
    const now = Date.parse('2026-11-15T00:00:00Z');
    expect(phaseOf(proposal(), now)).toBe('voting');
    expect(phaseOf(proposal(), Date.parse('2026-11-30T00:00:00Z'))).toBe('counting');
    expect(phaseOf(proposal({ stage: 'NOTICE_PERIOD' }), now)).toBe('before');
    expect(phaseOf(proposal({ stage: 'PROPOSED' }), now)).toBe('before');
    for (const stage of ['DECIDED', 'RESULT_PUBLISHED', 'IMPLEMENTED'] as const) expect(phaseOf(proposal({ stage }), now)).toBe('decided');
    for (const stage of ['REJECTED', 'WITHDRAWN'] as const) expect(phaseOf(proposal({ stage }), now)).toBe('ended');
    expect(msUntilClose(proposal(), now)).toBe(15 * 86_400_000);
    expect(msUntilClose(proposal({ votingClosesAt: '2027-11-30T00:00:00Z' }), now)).toBe(2 ** 31 - 1);
    expect(msUntilClose(proposal(), Date.parse('2026-11-29T23:59:59Z'))).toBe(1000);
    expect(msUntilClose(proposal({ stage: 'DECIDED' }), now)).toBeNull();
  });

  it('draws participation against the roll and approval against those taking part, with the rule’s thresholds', () => {
    const bars = barsOf(tally(), proposal().rule);
    expect(bars.map((bar) => [bar.key, bar.part, bar.whole, bar.unit, bar.threshold?.strict, bar.met])).toEqual([
      ['participationByArea', 700, 1000, 'area', false, true],
      ['participationByHeadcount', 7, 10, 'households', false, true],
      ['approvalByArea', 450, 700, 'area', true, true],
      ['approvalByHeadcount', 5, 7, 'households', true, true],
    ]);
    // A rule without a threshold: the bar is drawn, with nothing to meet.
    const simple = barsOf(tally(), {
      kind: 'SIMPLE_MAJORITY',
      participationByArea: null,
      participationByHeadcount: null,
      approvalByArea: null,
      approvalByHeadcount: moreThan(1, 2),
    });
    expect(simple.map((bar) => bar.met)).toEqual([null, null, null, true]);
    expect(percent(2 / 3)).toBe(66.7);
    expect(percent(0)).toBe(0);
    expect(percent(1.2)).toBe(100);
  });

  it('merges a live change, never replacing a final count by a late live one', () => {
    const shown = proposal({ ownBallots: [ballot('H1', 'FOR')] });
    const progress = {
      id: 'P1',
      stage: 'VOTING' as const,
      outcome: null,
      decidedAt: null,
      ballotDigest: null,
      ballotCount: null,
      implementationReport: null,
    };
    const moved = applyProgress(shown, progress, tally({ participation: measure(8, 800, 0.8, 0.8, [true, true]) }));
    expect(moved.tally!.participation.households).toBe(8);
    expect(moved.ownBallots).toEqual(shown.ownBallots);
    const decided = applyProgress(
      shown,
      { ...progress, stage: 'DECIDED', outcome: 'PASSED', ballotDigest: 'ab', ballotCount: 8 },
      tally({ final: true }),
    );
    expect(decided).toMatchObject({ stage: 'DECIDED', outcome: 'PASSED', ballotDigest: 'ab', ballotCount: 8, tally: { final: true } });
    expect(applyProgress(decided, { ...progress, stage: 'DECIDED', outcome: 'PASSED' }, tally()).tally!.final).toBe(true);
    // Another proposal's change is not this one's.
    expect(applyProgress(shown, { ...progress, id: 'P2' }, tally({ passes: false }))).toBe(shown);
    expect(applyProgress(shown, progress, null, []).ownBallots).toEqual([]);
  });

  it('knows which household may still vote', () => {
    expect(firstHousehold([ballot('H1', 'FOR'), ballot('H2'), ballot('H3')])).toBe('H2');
    expect(firstHousehold([ballot('H1', 'FOR')])).toBe('H1');
    expect(firstHousehold([])).toBe('');
    expect(mayVote(ballot('H1'), false)).toBe(true);
    expect(mayVote(ballot('H1', 'AGAINST'), false)).toBe(false);
    expect(mayVote(ballot('H1', 'AGAINST'), true)).toBe(true);
    expect(mayVote(undefined, true)).toBe(false);
    expect(householdLabel(ballot('H1'))).toBe('1栋 H101室');
    expect(householdLabel({ ...ballot('H1'), household: { id: 'H1', name: '2单元301室', parent: null } })).toBe('2单元301室');
  });

  it('reads refusals, receipts and attachments', () => {
    expect(castProblem([])).toBeNull();
    expect(castProblem([{ field: ['input', 'proposal'], code: 'VOTING_CLOSED' }])).toBe('VOTING_CLOSED');
    expect(castProblem([{ field: ['input', 'household'], code: 'REQUIRED' }])).toBe('CHOOSE_HOUSEHOLD');
    expect(normalizeReceipt(' abcd efgh-ijkm npqr ')).toBe('ABCD-EFGH-IJKM-NPQR');
    expect(normalizeReceipt('abcd-efgh')).toBe('ABCD-EFGH');
    expect(normalizeReceipt('   ')).toBe('');
    expect(attachmentName('https://example.org/docs/%E5%90%88%E5%90%8C.pdf')).toBe('合同.pdf');
    expect(attachmentName('https://example.org/')).toBe('example.org');
    expect(attachmentName('javascript:alert(1)')).toBeNull();
    expect(attachmentName('not a url')).toBeNull();
  });
});
