/** A forum's milestones follow its year: moving the year moves them, and "next" is in its year. */

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The same day `years` later (29 February becomes 28 February in a common year). */
export function shiftDate(date: string, years: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const y = Number(m[1]) + years;
  const day = m[2] === '02' && m[3] === '29' && !isLeap(y) ? '28' : m[3];
  return `${String(y).padStart(4, '0')}-${m[2]}-${day}`;
}

/** Every milestone moved by the difference between two forum years. */
export function moveMilestones<M extends { date: string }>(ms: M[], from: number, to: number): M[] {
  return ms.map((m) => ({ ...m, date: shiftDate(m.date, to - from) }));
}

/** True when a (non-empty) date is not in the forum's year: it is warned about, not refused. */
export const outsideYear = (date: string, year: number) =>
  /^\d{4}-/.test(date) && Number(date.slice(0, 4)) !== year;

/** A year the forum may have (the schema's range). */
export const isForumYear = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 2006 && v <= 2100;

/**
 * The next milestone of a forum: the first after today that is not before its year. A 2027 forum
 * never shows a 2026 date as "next", even when an old milestone was left there.
 */
export function nextMilestone<M extends { date: string }>(
  milestones: M[],
  year: number,
  today: string,
): M | undefined {
  const from = `${year}-01-01`;
  return [...milestones]
    .filter((m) => m.date > today && m.date >= from)
    .sort((a, b) => a.date.localeCompare(b.date))[0];
}
