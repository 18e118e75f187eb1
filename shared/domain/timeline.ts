import type { MilestoneKind } from './vocabulary';

/** A usual BPF year (DOMAIN.md): the dates a new forum's timeline starts from; users edit them. */
const TYPICAL: [MilestoneKind, string][] = [
  ['kick_off', '02-15'],
  ['call_for_input', '03-15'],
  ['nri_season', '06-01'],
  ['first_draft', '09-01'],
  ['comment_round', '09-15'],
  ['igf_session', '11-20'],
  ['final_report', '12-20'],
];

export function suggestedMilestones(year: number): { kind: MilestoneKind; date: string }[] {
  return TYPICAL.map(([kind, md]) => ({ kind, date: `${year}-${md}` }));
}
