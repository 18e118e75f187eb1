/** DTOs of the representation area (issue 7): stakeholder map, dashboard, alerts. */
import type { Region } from './domain/countries';
import type { Dimension, FigureCategory, FigureCell } from './domain/representation';
import type { AlertFinding, RepresentationSettings } from './domain/representationAlerts';
import type {
  FigurePhase,
  InvolvementLevel,
  Phase,
  StakeholderMapCell,
} from './domain/stakeholderMap';
import type { Audience, StakeholderGroup } from './domain/vocabulary';

export type { FigureCell, FigureCategory, Dimension } from './domain/representation';
export type { RepresentationSettings } from './domain/representationAlerts';

export interface StakeholderMapCellDto extends StakeholderMapCell {
  id: string;
}

export interface StakeholderMap {
  forumId: string;
  cells: StakeholderMapCellDto[];
  settings: RepresentationSettings;
}

export interface PhaseFigures {
  phase: FigurePhase;
  label: string;
  /** False when the app records nothing for this phase yet (the IGF session). */
  tracked: boolean;
  /** Distinct people who took part. */
  people: FigureCell;
  /** Attendance records, contributions or comments; null when the phase counts people only. */
  events: FigureCell | null;
  eventsLabel: string | null;
  byDimension: Record<Dimension, FigureCategory[]>;
}

export interface PlanActual {
  phase: FigurePhase;
  actual: FigureCell;
  /** The target as a number of people (a share is converted with the phase's people). */
  target: number | null;
  /** null when the phase has not happened (nobody took part yet) or the figure is suppressed. */
  met: boolean | null;
}

export interface PlanRow {
  cellId: string;
  label: string;
  stakeholderGroup: StakeholderGroup | null;
  region: Region | null;
  organisation: string | null;
  level: InvolvementLevel;
  phases: Phase[];
  targetMin: number | null;
  targetShare: number | null;
  actuals: PlanActual[];
}

export interface TrendPoint {
  callId: string;
  title: string;
  startAt: number;
  /** Attendance at this call. */
  attended: FigureCell;
  /** By stakeholder group, in STAKEHOLDER_GROUPS order. */
  byGroup: FigureCell[];
  /** Distinct people who attended any call up to this one (coordinators; null when public). */
  cumulativePeople: number | null;
}

export interface AlertPerson {
  id: string;
  /** As coordinators see it (alerts are for coordinators only). */
  fullName: string;
  stakeholderGroup: StakeholderGroup;
  region: Region | null;
  isProtected: boolean;
  consentInvitations: boolean;
}

export interface AlertEvent {
  kind: 'call' | 'session';
  id: string;
  title: string;
  startAt: number;
  /** The share of the group or gender at that event. */
  share: number;
}

export interface RepresentationAlert extends AlertFinding {
  /** The people behind the alert (the dominant group's attendees at the recent calls). */
  people: AlertPerson[];
  /** The calls or sessions behind it. */
  events: AlertEvent[];
  /** Registered members of the missing group or region who have not attended recently. */
  suggestions: AlertPerson[];
}

export interface RepresentationDashboard {
  forumId: string;
  audience: Audience;
  /** True when small cells are suppressed (any audience but coordinators). */
  suppressed: boolean;
  phases: PhaseFigures[];
  plan: PlanRow[];
  trend: TrendPoint[];
  /** Calls held so far (not cancelled, started before now). */
  callsHeld: number;
  sessionsHeld: number;
  /** Coordinators only; empty for other audiences. */
  alerts: RepresentationAlert[];
  settings: RepresentationSettings;
}
