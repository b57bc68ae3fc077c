import { Routine } from '@mikro-orm/core';

/**
 * Ballots of one proposal, one call (the batches of ballot-batcher.ts, or a single ballot). The
 * shared advisory lock first: closing a vote takes it exclusively (decide), so a close waits for
 * the ballots in flight, and a ballot that had to wait reads the proposal afresh (each statement
 * of a function takes its own snapshot) and finds it decided. No ballot locks the proposal's
 * row: a thousand at once would queue on it. A ballot is written only while the proposal is
 * voting, by an owner of the household on the roll today; a second ballot of a household changes
 * the first only where the proposal allows it. At most one ballot per household and per voter
 * is written in a call (the others are cast again alone); the rows go in the order of the tally
 * counters they touch, so two calls at once never wait for each other in a cycle.
 */
export const CastBallotsRoutine = new Routine({
  name: 'cast_ballots',
  type: 'function',
  params: {
    p_proposal: { type: 'int', runtimeType: 'number' },
    // YYYY-MM-DD (China).
    p_day: { type: 'text', runtimeType: 'string' },
    // [{ "voter": 1, "household": null, "choice": "FOR", "receipt_hash": "…", "request_id": null }, …]
    p_ballots: { type: 'jsonb', runtimeType: 'object' },
  },
  returns: { runtimeType: 'object', columnType: 'table (out_receipt_hash text, out_ballot int, out_changes smallint, out_household int)' },
  language: 'plpgsql',
  body: `
      begin
        perform pg_advisory_xact_lock_shared(27801, p_proposal);
        return query
          with voting as (
            select p.id from proposal p
            where p.id = p_proposal and p.stage = 'VOTING' and p.voting_closes_at > now()
          ), given as (
            select x.*, row_number() over () as ordinal
            from jsonb_to_recordset(p_ballots) as x(voter int, household int, choice text, receipt_hash text, request_id text)
          ), eligible as (
            select g.*, r.household_id, r.area_hundredths, count(*) over (partition by g.ordinal) as owned
            from given g
            join role_assignment o on o.person_id = g.voter and o.role = 'OWNER'
              and o.starts_on <= p_day::date and (o.ends_on is null or o.ends_on >= p_day::date)
            join voter_roll_entry r on r.proposal_id = p_proposal and r.household_id = o.area_id
            where g.household is null or r.household_id = g.household
          ), chosen as (
            select distinct on (e.household_id) e.*
            from eligible e
            where e.owned = 1 and not exists (select 1 from given d where d.voter = e.voter and d.ordinal < e.ordinal)
            order by e.household_id, e.ordinal
          )
          insert into ballot as b (proposal_id, household_id, voter_id, choice, area_hundredths, receipt_hash, cast_at, changes, request_id)
          select v.id, c.household_id, c.voter, c.choice, c.area_hundredths, c.receipt_hash, now(), 0, c.request_id
          from voting v, chosen c
          -- The tally's rows are taken in one order by every batch (slot, then choice): two batches
          -- at once never wait for each other in a cycle.
          order by c.household_id % 16, c.choice
          on conflict (proposal_id, household_id) do update
            set choice = excluded.choice, voter_id = excluded.voter_id, receipt_hash = excluded.receipt_hash,
                cast_at = excluded.cast_at, request_id = excluded.request_id, changes = b.changes + 1
            where (select p.ballots_changeable from proposal p where p.id = excluded.proposal_id)
          returning b.receipt_hash::text, b.id, b.changes, b.household_id;
      end
  `,
});
