import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { addReadExtra, readExtra } from '../../db/read-entity.js';
import { InputProblem } from '../../graphql/errors.js';
import { today } from '../people/person.service.js';
import { ballotBatcher, writeBatch } from './ballot-batcher.js';
import { type BallotChoice, type ClosedTally, Proposal } from './proposal.entity.js';
import { type BallotSums, type Tally, tally } from './vote.rules.js';

/**
 * Ballots (一键表决). Ballots are written by calls of `cast_ballots` (cast-ballot.routine.ts),
 * which holds a shared advisory lock on its proposal; closing takes it exclusively. So a close
 * waits for the ballots in flight, and a ballot arriving during the close finds the proposal
 * decided: no ballot slips in after the count. No ballot locks the proposal's row.
 */
/** The advisory lock key of ballots (also in cast-ballot.routine.ts). */
const BALLOT_LOCK = 27_801;

export function receiptHashOf(receipt: string): string {
  return createHash('sha256').update(receipt.trim().toUpperCase(), 'utf8').digest('hex');
}

/** A receipt code: 16 characters of Crockford base32 in groups of four (XXXX-XXXX-XXXX-XXXX), 80 bits. */
export function newReceipt(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = randomBytes(16);
  let code = '';
  for (let i = 0; i < 16; i++) code += alphabet[bytes[i] & 31];
  return code.match(/.{4}/g)?.join('-') as string;
}

export interface Eligible {
  household: number;
  areaHundredths: number;
}

/** The households on the proposal's roll that the person owns today: those they may vote for. */
export async function householdsOf(em: EntityManager, proposal: number, person: number): Promise<Eligible[]> {
  const day = today();
  // From the person's own roles (a handful) to the roll's key: never a scan of the roll.
  const rows = await em.execute<{ household_id: number; area_hundredths: number }[]>(
    `select r.household_id, r.area_hundredths
     from role_assignment o join voter_roll_entry r on r.proposal_id = ? and r.household_id = o.area_id
     where o.person_id = ? and o.role = 'OWNER' and o.starts_on <= ? and (o.ends_on is null or o.ends_on >= ?)
     order by r.household_id`,
    [proposal, person, day, day],
  );
  return rows.map((r) => ({ household: Number(r.household_id), areaHundredths: Number(r.area_hundredths) }));
}

export interface CastResult {
  ballotId: number;
  receipt: string;
  household: number;
  changed: boolean;
}

/**
 * Casts (or, where the proposal allows it, changes) one household's ballot: the proposal must be
 * voting, the voter must own the household on the roll today, and the unique
 * key on (proposal, household) makes a second ballot of a household impossible, whatever the
 * timing. Only when nothing was written are the reasons looked up.
 */
export async function castBallot(
  em: EntityManager,
  proposal: number,
  voter: number,
  household: number | null,
  choice: BallotChoice,
  requestId: string | null,
): Promise<CastResult> {
  const receipt = newReceipt();
  const day = today();
  // Most ballots are written in a batch with those cast at the same moment; one the batch did not
  // write (a second ballot of the same voter or household in one batch) is cast again alone, and
  // only then are the reasons looked up.
  const pending = { proposal, voter, household, choice, receiptHash: receiptHashOf(receipt), requestId, day };
  const written = (await ballotBatcher(em).load(pending)) ?? (await writeBatch(em, [pending]))[0];
  if (written) return { ballotId: written.ballotId, receipt, household: written.household, changed: written.changes > 0 };
  throw await whyNotCast(em, proposal, voter, household);
}

/** Why a ballot was not written: the vote is not open, the voter owns nothing (or several) on the roll, or the household voted. */
async function whyNotCast(em: EntityManager, proposal: number, voter: number, household: number | null): Promise<InputProblem> {
  const [state] = await em.execute<{ open: boolean }[]>(
    `select stage = 'VOTING' and voting_closes_at > now() as open from proposal where id = ?`,
    [proposal],
  );
  if (!state) return new InputProblem(['input', 'proposal'], 'No such proposal', 'NOT_FOUND');
  if (!state.open) return new InputProblem(['input', 'proposal'], 'Voting on this proposal is not open', 'VOTING_CLOSED');
  const eligible = await householdsOf(em, proposal, voter);
  if (!eligible.length) return new InputProblem(['input', 'proposal'], 'You own no household on this vote’s roll', 'NOT_ON_ROLL');
  if (household == null && eligible.length > 1) {
    return new InputProblem(['input', 'household'], 'You own several households on the roll: say which one this ballot is for', 'REQUIRED');
  }
  if (household != null && !eligible.some((e) => e.household === household)) {
    return new InputProblem(['input', 'household'], 'You own no such household on this vote’s roll', 'NOT_ON_ROLL');
  }
  return new InputProblem(
    ['input', 'household'],
    'This household has voted already; ballots of this proposal cannot be changed',
    'ALREADY_VOTED',
  );
}

/**
 * The sums of the ballots cast, by choice, from the tally counters that a trigger keeps with
 * every ballot (Ballot's trigger, proposal.entity.ts): 16 slots a choice, so casts at once
 * rarely touch the same row, and the live tally reads at most 48 rows however many ballots
 * there are. The result at close is recounted from the ballots themselves.
 */
export async function ballotSums(em: EntityManager, proposal: number): Promise<BallotSums> {
  const [row] = await em.execute<{ sums: SumValues }[]>(`select ${SUMS} as sums from ballot_tally where proposal_id = ?`, [proposal]);
  return sumsOf(row.sums);
}

const CHOICES = ['FOR', 'AGAINST', 'ABSTAIN'] as const satisfies readonly BallotChoice[];

/**
 * The households and the area (hundredths of m², as text: it may pass 2^53) of each choice, in
 * `CHOICES` order, as one JSON array: one aggregate over the counters, no grouping or sorting.
 */
const SUMS = `json_build_array(${CHOICES.map(
  (c) =>
    `coalesce(sum(households) filter (where choice = '${c}'), 0), coalesce(sum(area_hundredths) filter (where choice = '${c}'), 0)::text`,
).join(', ')})`;

type SumValues = [number, string, number, string, number, string];

/**
 * The same sums, read with the proposal itself when a query looks it up by ID (db/read-entity.ts):
 * the tally of `node(id:)` is then one statement, not two.
 */
const BALLOT_SUMS = '__ballot_sums';
addReadExtra(Proposal, { name: BALLOT_SUMS, sql: `(select ${SUMS} from ballot_tally where proposal_id = t.id)` });

function sumsOf(values: SumValues): BallotSums {
  const [forCount, forArea, againstCount, againstArea, abstainCount, abstainArea] = values;
  return {
    for: { count: Number(forCount), areaHundredths: BigInt(forArea) },
    against: { count: Number(againstCount), areaHundredths: BigInt(againstArea) },
    abstain: { count: Number(abstainCount), areaHundredths: BigInt(abstainArea) },
  };
}

export interface LiveTally {
  sums: BallotSums;
  tally: Tally;
  /** True once the vote is decided: the figures are the result and never change. */
  final: boolean;
}

/** The tally of a proposal: live while voting, the stored result once decided, null before the roll is frozen. */
export async function tallyOf(em: EntityManager, proposal: Proposal): Promise<LiveTally | null> {
  if (proposal.rollHouseholds == null || proposal.rollAreaHundredths == null) return null;
  const electorate = { households: proposal.rollHouseholds, areaHundredths: BigInt(proposal.rollAreaHundredths) };
  if (proposal.result) {
    const r = proposal.result;
    const sums: BallotSums = {
      for: { count: r.households.for, areaHundredths: BigInt(r.area.for) },
      against: { count: r.households.against, areaHundredths: BigInt(r.area.against) },
      abstain: { count: r.households.abstain, areaHundredths: BigInt(r.area.abstain) },
    };
    return { sums, tally: tally(proposal.rule, electorate, sums), final: true };
  }
  const read = readExtra(proposal, BALLOT_SUMS) as SumValues | undefined;
  const sums = read ? sumsOf(read) : await ballotSums(em, proposal.id);
  return { sums, tally: tally(proposal.rule, electorate, sums), final: false };
}

/** One line of the published ballot log: no household and no voter, only what the count needs. */
export interface LogEntry {
  position: number;
  receiptHash: string;
  choice: BallotChoice;
  areaHundredths: number;
}

const GENESIS = (proposal: number) => createHash('sha256').update(`gongzhi ballot log of proposal ${proposal}`).digest('hex');

/** One link of the chain: the hash of the previous link and this entry. */
export function chainLink(previous: string, e: LogEntry): string {
  return createHash('sha256').update(`${previous}\n${e.position} ${e.receiptHash} ${e.choice} ${e.areaHundredths}`).digest('hex');
}

/** Reads the ballot log in order of casting, a batch at a time. */
export async function* ballotLog(em: EntityManager, proposal: number, batch = 5_000): AsyncGenerator<LogEntry> {
  let afterId = 0;
  let position = 0;
  for (;;) {
    const rows = await em.execute<{ id: number; receipt_hash: string; choice: BallotChoice; area_hundredths: number }[]>(
      'select id, receipt_hash, choice, area_hundredths from ballot where proposal_id = ? and id > ? order by id limit ?',
      [proposal, afterId, batch],
    );
    for (const row of rows) {
      position += 1;
      yield { position, receiptHash: row.receipt_hash, choice: row.choice, areaHundredths: Number(row.area_hundredths) };
    }
    if (rows.length < batch) return;
    afterId = Number(rows[rows.length - 1].id);
  }
}

/**
 * The digest published with the result: the last link of a SHA-256 chain over the ballot log,
 * and the sums recounted from the same log. Anyone may recompute both from `ballotLog`.
 */
export async function digestOf(em: EntityManager, proposal: number): Promise<{ digest: string; count: number; sums: BallotSums }> {
  let link = GENESIS(proposal);
  let count = 0;
  const sums: BallotSums = {
    for: { count: 0, areaHundredths: 0n },
    against: { count: 0, areaHundredths: 0n },
    abstain: { count: 0, areaHundredths: 0n },
  };
  for await (const entry of ballotLog(em, proposal)) {
    link = chainLink(link, entry);
    count += 1;
    const sum = sums[entry.choice.toLowerCase() as keyof BallotSums];
    sum.count += 1;
    sum.areaHundredths = BigInt(sum.areaHundredths) + BigInt(entry.areaHundredths);
  }
  return { digest: link, count, sums };
}

export { GENESIS as genesisOf };

/**
 * Closes the vote: waits for the ballots in flight (the exclusive lock), recounts the log, and
 * stores the result and the digest. Runs inside the closing move's transaction, which changes
 * the stage before it commits: a ballot waiting for the lock then finds the vote decided.
 */
export async function decide(tx: EntityManager, proposal: Proposal): Promise<void> {
  await tx.execute('select pg_advisory_xact_lock(?, ?)::text', [BALLOT_LOCK, proposal.id]);
  const { digest, count, sums } = await digestOf(tx, proposal.id);
  const electorate = { households: proposal.rollHouseholds ?? 0, areaHundredths: BigInt(proposal.rollAreaHundredths ?? 0) };
  const result = tally(proposal.rule, electorate, sums);
  const closed: ClosedTally = {
    households: { for: sums.for.count, against: sums.against.count, abstain: sums.abstain.count },
    area: {
      for: String(sums.for.areaHundredths),
      against: String(sums.against.areaHundredths),
      abstain: String(sums.abstain.areaHundredths),
    },
    participationByAreaMet: result.participation.byAreaMet,
    participationByHeadcountMet: result.participation.byHeadcountMet,
    approvalByAreaMet: result.approval.byAreaMet,
    approvalByHeadcountMet: result.approval.byHeadcountMet,
  };
  proposal.result = closed;
  proposal.outcome = result.passes ? 'PASSED' : 'FAILED';
  proposal.ballotDigest = digest;
  proposal.ballotCount = count;
  proposal.decidedAt = new Date();
}

/** Freezes the voter roll: every household in scope with its exclusive floor area (Art. 278 counts all owners). */
export async function freezeRoll(tx: EntityManager, proposal: Proposal, scopePath: string): Promise<void> {
  const escaped = `${scopePath.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  await tx.execute(
    `insert into voter_roll_entry (proposal_id, household_id, area_hundredths)
     select ?, a.id, round(a.floor_area * 100)::int from area a
     where a.kind = 'HOUSEHOLD' and a.path like ? and a.floor_area is not null and a.floor_area > 0`,
    [proposal.id, escaped],
  );
  const [totals] = await tx.execute<{ n: string; area: string | null }[]>(
    'select count(*) as n, sum(area_hundredths) as area from voter_roll_entry where proposal_id = ?',
    [proposal.id],
  );
  proposal.rollHouseholds = Number(totals?.n ?? 0);
  proposal.rollAreaHundredths = String(totals?.area ?? '0');
  proposal.votingOpenedAt = new Date();
}

/** An owner checks their receipt: counted, with which choice and where in the log. */
export async function checkReceipt(
  em: EntityManager,
  proposal: number,
  receipt: string,
): Promise<{ counted: boolean; choice: BallotChoice | null; position: number | null; receiptHash: string }> {
  const hash = receiptHashOf(receipt);
  const [row] = await em.execute<{ choice: BallotChoice; position: string }[]>(
    `select b.choice, (select count(*) from ballot o where o.proposal_id = b.proposal_id and o.id <= b.id) as position
     from ballot b where b.proposal_id = ? and b.receipt_hash = ?`,
    [proposal, hash],
  );
  return row
    ? { counted: true, choice: row.choice, position: Number(row.position), receiptHash: hash }
    : { counted: false, choice: null, position: null, receiptHash: hash };
}
