import { defineEntity, p } from '@mikro-orm/core';
import { Area } from '../areas/area.entity.js';
import { Person } from '../people/person.entity.js';
import { Proposal } from '../votes/proposal.entity.js';

/** 一窗公示: what a notice announces. */
export const NOTICE_KINDS = ['PROPOSAL', 'RESULT', 'IMPLEMENTATION', 'GENERAL'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** A public notice of an area, shown from `startsAt` (and on the board until `endsAt`). */
const NoticeSchema = defineEntity({
  name: 'Notice',
  tableName: 'notice',
  indexes: [{ name: 'notice_area_starts_index', properties: ['area', 'startsAt'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    area: () => p.manyToOne(Area).deleteRule('restrict'),
    kind: p.enum(NOTICE_KINDS).$type<NoticeKind>(),
    title: p.string().length(200),
    body: p.text(),
    attachmentUrls: p.json<string[]>(),
    /** The proposal it publishes, for PROPOSAL, RESULT and IMPLEMENTATION notices. */
    proposal: () => p.manyToOne(Proposal).nullable().index().deleteRule('cascade'),
    publishedBy: () => p.manyToOne(Person).nullable().deleteRule('restrict'),
    startsAt: p.datetime(),
    endsAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export class Notice extends NoticeSchema.class {}
NoticeSchema.setClass(Notice);
