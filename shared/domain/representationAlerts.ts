/**
 * Representation alerts (DOMAIN.md: watch for the conspicuous dominance or absence of groups, and
 * gender divides). Pure rules over the figures the backend counted:
 *
 * - dominance: in a phase with at least `minSample` counted, a stakeholder group holds more than
 *   `dominanceShare` of it (attendance records for calls and NRI sessions, contributions for
 *   drafting, comments for comment rounds, people for registration and the kick-off);
 * - absence: a cell of the stakeholder map planned for a phase has nobody in it, although the
 *   phase has taken place (someone took part);
 * - target missed: a cell has people in a planned phase (or among registered members) but fewer
 *   than its target (at least N, or at least a share of the phase's people);
 * - gender balance: among people whose gender is recorded (woman, man, non-binary,
 *   self-described), one gender is more than `genderThreshold` of a phase of at least `minSample`.
 * Untracked phases (no data source yet) raise nothing.
 */
import { REGION_LABELS, type Region } from './countries';
import { FIGURE_PHASE_LABELS, type FigurePhase, type Phase } from './stakeholderMap';
import {
  GENDER_LABELS,
  STAKEHOLDER_GROUP_LABELS,
  type Gender,
  type StakeholderGroup,
} from './vocabulary';

export interface RepresentationSettings {
  /** A group above this share (0-1) of a phase dominates it. Default 0.4. */
  dominanceShare: number;
  /** One gender above this share (0-1) of those with a recorded gender. Default 0.65. */
  genderThreshold: number;
  /** "Recently": members who attended none of the last N held calls are suggested. Default 3. */
  recentCalls: number;
  /** Shares are judged only when a phase counts at least this many. Default 5. */
  minSample: number;
}

export const DEFAULT_REPRESENTATION_SETTINGS: RepresentationSettings = {
  dominanceShare: 0.4,
  genderThreshold: 0.65,
  recentCalls: 3,
  minSample: 5,
};

export const BALANCE_GENDERS: readonly Gender[] = ['woman', 'man', 'non_binary', 'self_described'];

export interface PhaseCounts {
  phase: FigurePhase;
  tracked: boolean;
  /** Distinct people who took part. */
  people: number;
  /** What dominance is judged on (records, contributions, comments; people when null). */
  measure: { total: number; byGroup: Partial<Record<StakeholderGroup, number>> } | null;
  peopleByGroup: Partial<Record<StakeholderGroup, number>>;
  peopleByGender: Partial<Record<Gender, number>>;
}

export interface PlanCellActual {
  cellId: string;
  stakeholderGroup: StakeholderGroup | null;
  region: Region | null;
  organisation: string | null;
  phases: Phase[];
  targetMin: number | null;
  targetShare: number | null;
  /** People matching the cell in each phase (and 'registered'). */
  actual: Partial<Record<FigurePhase, number>>;
}

export const ALERT_KINDS = ['dominance', 'absence', 'target_missed', 'gender_balance'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  dominance: 'Dominance',
  absence: 'Absent from a phase',
  target_missed: 'Target missed',
  gender_balance: 'Gender balance',
};

export interface AlertFinding {
  /** Stable: kind, phase and subject. */
  id: string;
  kind: AlertKind;
  phase: FigurePhase;
  message: string;
  stakeholderGroup: StakeholderGroup | null;
  region: Region | null;
  organisation: string | null;
  gender: Gender | null;
  cellId: string | null;
  /** The count behind the alert and what it is out of. */
  count: number;
  total: number;
  share: number | null;
  target: number | null;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** "Civil society in Africa (Example Org)", "Any group in Asia", "Academia". */
export function cellSubject(c: {
  stakeholderGroup: StakeholderGroup | null;
  region: Region | null;
  organisation: string | null;
}): string {
  const group = c.stakeholderGroup ? STAKEHOLDER_GROUP_LABELS[c.stakeholderGroup] : 'Any group';
  const where = c.region ? ` in ${REGION_LABELS[c.region]}` : '';
  const org = c.organisation ? ` (${c.organisation})` : '';
  return `${group}${where}${org}`;
}

export function representationAlerts(
  phases: readonly PhaseCounts[],
  plan: readonly PlanCellActual[],
  settings: RepresentationSettings,
): AlertFinding[] {
  const out: AlertFinding[] = [];
  const base = {
    stakeholderGroup: null,
    region: null,
    organisation: null,
    gender: null,
    cellId: null,
    share: null,
    target: null,
  };
  const byPhase = new Map(phases.map((p) => [p.phase, p]));

  for (const p of phases) {
    if (!p.tracked) continue;
    const measure = p.measure ?? { total: p.people, byGroup: p.peopleByGroup };
    if (measure.total >= settings.minSample)
      for (const [group, n] of Object.entries(measure.byGroup) as [StakeholderGroup, number][]) {
        const share = n / measure.total;
        if (share > settings.dominanceShare)
          out.push({
            ...base,
            id: `dominance:${p.phase}:${group}`,
            kind: 'dominance',
            phase: p.phase,
            stakeholderGroup: group,
            count: n,
            total: measure.total,
            share,
            target: settings.dominanceShare,
            message: `${STAKEHOLDER_GROUP_LABELS[group]} holds ${pct(share)} of ${FIGURE_PHASE_LABELS[p.phase].toLowerCase()} (${n} of ${measure.total}), above the ${pct(settings.dominanceShare)} threshold.`,
          });
      }
    const known = BALANCE_GENDERS.reduce((s, g) => s + (p.peopleByGender[g] ?? 0), 0);
    if (known >= settings.minSample)
      for (const g of BALANCE_GENDERS) {
        const n = p.peopleByGender[g] ?? 0;
        const share = n / known;
        if (share > settings.genderThreshold)
          out.push({
            ...base,
            id: `gender_balance:${p.phase}:${g}`,
            kind: 'gender_balance',
            phase: p.phase,
            gender: g,
            count: n,
            total: known,
            share,
            target: settings.genderThreshold,
            message: `${GENDER_LABELS[g]}: ${pct(share)} of the people with a recorded gender in ${FIGURE_PHASE_LABELS[p.phase].toLowerCase()} (${n} of ${known}), past the ${pct(settings.genderThreshold)} threshold.`,
          });
      }
  }

  for (const cell of plan) {
    const subject = cellSubject(cell);
    const cellBase = {
      ...base,
      stakeholderGroup: cell.stakeholderGroup,
      region: cell.region,
      organisation: cell.organisation,
      cellId: cell.cellId,
    };
    const judged: FigurePhase[] = ['registered', ...cell.phases];
    for (const phase of judged) {
      const p = byPhase.get(phase);
      if (!p || !p.tracked || p.people === 0) continue;
      const n = cell.actual[phase] ?? 0;
      if (n === 0 && phase !== 'registered') {
        out.push({
          ...cellBase,
          id: `absence:${phase}:${cell.cellId}`,
          kind: 'absence',
          phase,
          count: 0,
          total: p.people,
          message: `${subject} is planned for ${FIGURE_PHASE_LABELS[phase].toLowerCase()} but nobody from it took part (of ${p.people}).`,
        });
        continue;
      }
      const share = n / p.people;
      const belowMin = cell.targetMin !== null && n < cell.targetMin;
      const belowShare = cell.targetShare !== null && share < cell.targetShare;
      if (belowMin || belowShare)
        out.push({
          ...cellBase,
          id: `target_missed:${phase}:${cell.cellId}`,
          kind: 'target_missed',
          phase,
          count: n,
          total: p.people,
          share,
          target: belowMin ? cell.targetMin : cell.targetShare,
          message: belowMin
            ? `${subject}: ${n} in ${FIGURE_PHASE_LABELS[phase].toLowerCase()}, below the target of ${cell.targetMin}.`
            : `${subject}: ${pct(share)} of ${FIGURE_PHASE_LABELS[phase].toLowerCase()}, below the target of ${pct(cell.targetShare!)}.`,
        });
    }
  }
  return out;
}
