/** Dates of a forum's work (milestones, calls) fall within its year, give or take one year. */

export const FORUM_YEAR_SLACK = 1;

export function forumDateRange(year: number): { from: string; to: string } {
  return { from: `${year - FORUM_YEAR_SLACK}-01-01`, to: `${year + FORUM_YEAR_SLACK}-12-31` };
}

/** True when `date` (YYYY-MM-DD) is within the forum's years; ISO dates compare as strings. */
export function withinForumYears(date: string, year: number): boolean {
  const { from, to } = forumDateRange(year);
  return date >= from && date <= to;
}

/** A whole sentence naming the field, e.g. "The first date must fall between ...". */
export function forumDateMessage(label: string, year: number): string {
  const { from, to } = forumDateRange(year);
  return `${label} must fall between ${from} and ${to} (the forum's year ${year}, give or take one year).`;
}

/** Consent cannot be dated before the contribution it is about was received. */
export const consentBeforeReceipt = (
  receivedOn: string,
  consentGivenOn: string | null | undefined,
) => consentGivenOn !== null && consentGivenOn !== undefined && consentGivenOn < receivedOn;

export const CONSENT_BEFORE_RECEIPT =
  'The consent date cannot be before the date the contribution was received.';
