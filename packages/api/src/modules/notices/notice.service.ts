import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import { InputProblem, InputProblems } from '../../graphql/errors.js';
import { Area } from '../areas/area.entity.js';
import { likePrefix, NOTHING, subtreePath } from '../areas/area.service.js';
import { type Actor, changedFields, recordChange } from '../audit/audit.service.js';
import { Person } from '../people/person.entity.js';
import { Notice, type NoticeKind } from './notice.entity.js';

export interface NoticeValues {
  area: number;
  title: string;
  body: string;
  attachmentUrls: string[];
  startsAt: Date;
  endsAt: Date | null;
}

export async function publishNotice(em: EntityManager, v: NoticeValues, publisher: number, actor: Actor): Promise<Notice> {
  const problems: InputProblem[] = [];
  if (!v.title.trim() || v.title.length > 200) problems.push(new InputProblem(['input', 'title'], '1 to 200 characters', 'INVALID'));
  if (!v.body.trim() || v.body.length > 20_000) problems.push(new InputProblem(['input', 'body'], '1 to 20,000 characters', 'INVALID'));
  v.attachmentUrls.forEach((url, i) => {
    if (!/^https?:\/\/\S+$/.test(url) || url.length > 500) {
      problems.push(new InputProblem(['input', 'attachmentUrls', String(i)], 'An http(s) URL of at most 500 characters', 'INVALID'));
    }
  });
  if (v.endsAt && v.endsAt <= v.startsAt) problems.push(new InputProblem(['input', 'endsAt'], 'Must be after startsAt', 'INVALID'));
  if (problems.length) throw new InputProblems(problems);
  return em.transactional(async (tx) => {
    const notice = tx.create(Notice, {
      area: tx.getReference(Area, v.area),
      kind: 'GENERAL',
      title: v.title.trim(),
      body: v.body.trim(),
      attachmentUrls: v.attachmentUrls,
      proposal: null,
      publishedBy: tx.getReference(Person, publisher),
      startsAt: v.startsAt,
      endsAt: v.endsAt,
    } as never);
    await tx.flush();
    await recordChange(tx, actor, {
      action: 'notice.publish',
      objectType: 'Notice',
      objectId: notice.id,
      areaPath: await subtreePath(tx, v.area),
      ...changedFields(null, { kind: 'GENERAL', title: notice.title, startsAt: v.startsAt, endsAt: v.endsAt }),
    });
    return notice;
  });
}

export interface NoticeFilterValues {
  within?: number | null;
  kind?: NoticeKind[] | null;
  current?: boolean | null;
}

/** Notices a caller may list: those started, to anyone; scheduled ones too where the caller publishes notices. */
export async function noticeWhere(
  em: EntityManager,
  filter: NoticeFilterValues | null,
  now: Date,
  publishAreas: string[],
): Promise<FilterQuery<Notice>> {
  const where: Record<string, unknown>[] = [];
  if (filter?.within != null) {
    const path = await subtreePath(em, filter.within);
    if (!path) return NOTHING as FilterQuery<Notice>;
    where.push({ area: { path: { $like: likePrefix(path) } } });
  }
  if (filter?.kind?.length) where.push({ kind: { $in: filter.kind } });
  if (filter?.current) where.push({ startsAt: { $lte: now } }, { $or: [{ endsAt: null }, { endsAt: { $gt: now } }] });
  const visible: Record<string, unknown>[] = [{ startsAt: { $lte: now } }];
  for (const path of publishAreas) visible.push({ area: { path: { $like: likePrefix(path) } } });
  where.push({ $or: visible });
  return { $and: where } as FilterQuery<Notice>;
}
