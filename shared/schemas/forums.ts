import { z } from 'zod';
import { forumDateMessage, withinForumYears } from '../domain/forumDates';
import { MILESTONE_KINDS } from '../domain/vocabulary';
import { id, isoDate, line, list, requiredLine, text } from './common';

export const milestoneInput = z.strictObject({
  kind: z.enum(MILESTONE_KINDS),
  label: line(200).optional(),
  date: isoDate,
});

const forumFields = {
  title: requiredLine(200),
  topic: line(300).default(''),
  year: z.number().int('must be a whole number').min(2006).max(2100),
  mandate: text(20_000).default(''),
  milestones: list(milestoneInput, 40).default([]),
};

/** Each milestone falls within the forum's year, give or take one year. */
const milestonesInForumYears = (
  v: { year: number; milestones: { date: string }[] },
  ctx: z.RefinementCtx,
) => {
  v.milestones.forEach((m, i) => {
    if (!withinForumYears(m.date, v.year))
      ctx.addIssue({
        code: 'custom',
        path: ['milestones', i, 'date'],
        message: forumDateMessage(`The date of milestone ${i + 1}`, v.year),
      });
  });
};

export const forumsSchemas = {
  'forums.list': z.strictObject({}),
  'forums.get': z.strictObject({ id }),
  'forums.create': z.strictObject(forumFields).superRefine(milestonesInForumYears),
  'forums.update': z.strictObject({ id, ...forumFields }).superRefine(milestonesInForumYears),
  /** Makes a forum the current one; it opens next time too. */
  'forums.open': z.strictObject({ id }),
  /** The forum opened last, or null. */
  'forums.current': z.strictObject({}),
  'forums.loadSample': z.strictObject({}),
  'forums.archive': z.strictObject({ id }),
  'forums.unarchive': z.strictObject({ id }),
  'forums.remove': z.strictObject({
    id,
    confirmTitle: requiredLine(200),
  }),
};

export type MilestoneInput = z.input<typeof milestoneInput>;
export type ForumInput = z.input<(typeof forumsSchemas)['forums.create']>;
