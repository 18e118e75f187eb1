import { describe, expect, it } from 'vitest';
import { moveMilestones, nextMilestone, outsideYear, shiftDate } from './forumYear';

describe('forum year', () => {
  it('moves dates by whole years, 29 February to 28 February in a common year', () => {
    expect(shiftDate('2026-12-20', 1)).toBe('2027-12-20');
    expect(shiftDate('2028-02-29', 1)).toBe('2029-02-28');
    expect(shiftDate('2028-02-29', 4)).toBe('2032-02-29');
    expect(moveMilestones([{ date: '2026-02-15' }, { date: '2027-01-10' }], 2026, 2027)).toEqual([
      { date: '2027-02-15' },
      { date: '2028-01-10' },
    ]);
  });

  it('warns about a milestone outside the year, not about an empty date', () => {
    expect(outsideYear('2026-12-20', 2027)).toBe(true);
    expect(outsideYear('2027-12-20', 2027)).toBe(false);
    expect(outsideYear('', 2027)).toBe(false);
  });

  it('never shows a date before the forum year as next (a 2027 forum in December 2026)', () => {
    const ms = [{ date: '2027-02-15' }, { date: '2026-12-20' }, { date: '2027-11-20' }];
    expect(nextMilestone(ms, 2027, '2026-12-02')).toEqual({ date: '2027-02-15' });
    expect(nextMilestone(ms, 2027, '2027-03-01')).toEqual({ date: '2027-11-20' });
    expect(nextMilestone(ms, 2027, '2028-01-01')).toBeUndefined();
  });
});
