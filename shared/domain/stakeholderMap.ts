/**
 * The stakeholder map (KICTANet's advice in DOMAIN.md: at the start of a multistakeholder process,
 * map who should be involved, to what extent and at what time). One cell per stakeholder group x
 * region (a null group means any group, a null region all regions), optionally narrowed to one
 * named organisation, with the intended level of involvement, the phases when they should take
 * part and a target (at least N participants, or at least a share of the phase's participants).
 * Pure: shared by the backend (plan versus actual, alerts) and the UI (the editor).
 */
import type { Region } from './countries';
import type { StakeholderGroup } from './vocabulary';

export const PHASES = [
  'kick_off',
  'calls',
  'nri_sessions',
  'drafting',
  'comment_rounds',
  'igf_session',
] as const;
export type Phase = (typeof PHASES)[number];
export const PHASE_LABELS: Record<Phase, string> = {
  kick_off: 'Kick-off',
  calls: 'Virtual calls',
  nri_sessions: 'NRI sessions',
  drafting: 'Drafting (contributions)',
  comment_rounds: 'Comment rounds',
  igf_session: 'IGF session',
};

/** Registered members (the whole year) plus the phases: what the dashboard measures. */
export const FIGURE_PHASES = ['registered', ...PHASES] as const;
export type FigurePhase = (typeof FIGURE_PHASES)[number];
export const FIGURE_PHASE_LABELS: Record<FigurePhase, string> = {
  registered: 'Registered members',
  ...PHASE_LABELS,
};

/** The ladder of involvement (IAP2-style), least to most. */
export const INVOLVEMENT_LEVELS = ['inform', 'consult', 'involve', 'collaborate'] as const;
export type InvolvementLevel = (typeof INVOLVEMENT_LEVELS)[number];
export const INVOLVEMENT_LEVEL_LABELS: Record<InvolvementLevel, string> = {
  inform: 'Inform',
  consult: 'Consult',
  involve: 'Involve',
  collaborate: 'Collaborate',
};

export interface StakeholderMapCell {
  /** null: any stakeholder group. */
  stakeholderGroup: StakeholderGroup | null;
  /** null: all regions. */
  region: Region | null;
  /** A named organisation within the group and region, or null. */
  organisation: string | null;
  level: InvolvementLevel;
  phases: Phase[];
  /** At least this many participants in each planned phase (and registered overall). */
  targetMin: number | null;
  /** At least this share (0-1) of each planned phase's participants. */
  targetShare: number | null;
}

export const MAX_MAP_CELLS = 200;

const ALL: Phase[] = [...PHASES];

/**
 * The suggested map for a Best Practice Forum, which the coordinator then edits. It follows how a
 * BPF works (DOMAIN.md): every stakeholder group is invited to the kick-off, the fortnightly calls
 * and the comment rounds; civil society and academia, who bring most practices and write with the
 * rapporteur, are planned as collaborators through drafting; governments, the private sector and
 * the technical community are involved, not just informed; intergovernmental organisations are
 * consulted at the start and on drafts; individuals are informed and invited to comment. Each group
 * has a target of 3 participants (1 for intergovernmental organisations), the smallest number
 * that can be published without suppression. Regional cells (any group) make the under-
 * representation of developing regions visible: Africa, Asia, Latin America and the Caribbean and
 * Oceania are to be involved in calls, NRI sessions and comment rounds with at least 2
 * participants each (1 for Oceania), and every region is to be at least consulted.
 */
export function suggestedStakeholderMap(): StakeholderMapCell[] {
  const group = (
    stakeholderGroup: StakeholderGroup,
    level: InvolvementLevel,
    phases: Phase[],
    targetMin: number | null,
  ): StakeholderMapCell => ({
    stakeholderGroup,
    region: null,
    organisation: null,
    level,
    phases,
    targetMin,
    targetShare: null,
  });
  const region = (
    r: Region,
    level: InvolvementLevel,
    phases: Phase[],
    targetMin: number,
  ): StakeholderMapCell => ({
    stakeholderGroup: null,
    region: r,
    organisation: null,
    level,
    phases,
    targetMin,
    targetShare: null,
  });
  const core: Phase[] = ['kick_off', 'calls', 'nri_sessions', 'comment_rounds', 'igf_session'];
  const south: Phase[] = ['calls', 'nri_sessions', 'comment_rounds'];
  return [
    group('government', 'involve', core, 3),
    group('private_sector', 'involve', core, 3),
    group('civil_society', 'collaborate', ALL, 3),
    group('technical_community', 'involve', core, 3),
    group(
      'academia',
      'collaborate',
      ['kick_off', 'calls', 'drafting', 'comment_rounds', 'igf_session'],
      3,
    ),
    group('intergovernmental', 'consult', ['kick_off', 'comment_rounds', 'igf_session'], 1),
    group('individual_other', 'inform', ['comment_rounds', 'igf_session'], null),
    region('africa', 'involve', south, 2),
    region('asia', 'involve', south, 2),
    region('latin_america_caribbean', 'involve', south, 2),
    region('oceania', 'involve', south, 1),
    region('europe', 'consult', ['calls', 'comment_rounds'], 1),
    region('northern_america', 'consult', ['calls', 'comment_rounds'], 1),
  ];
}

/** Folded organisation name, for matching participants to an organisation cell. */
export const organisationKey = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
