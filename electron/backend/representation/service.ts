/**
 * Stakeholder analysis and representation (issue 7): the forum's stakeholder map, and who actually
 * took part, per phase, against it. Counting is GROUP BY SQL (db/queries/representation.ts);
 * rolling up, suppression and alert rules are pure (shared/domain/representation*.ts).
 *
 * `representationFigures(ctx, forumId)` is the entry point for other areas (the outcome report's
 * methodology section): the publishable, suppressed figures only.
 */
import { redactStrings } from '../privacy/views';
import { listMilestones } from '../../../db/queries/forums';
import {
  callAttendance,
  callPeopleCube,
  commenterPeopleCube,
  commentsByGroup,
  contributionsByGroup,
  contributorPeopleCube,
  getRepresentationSettings,
  hasCommentTables,
  heldCalls,
  heldSessions,
  listMapCells,
  membersNotAttending,
  oneCallPeopleCube,
  recentAttendees,
  organisationMembers,
  registeredCube,
  replaceMapCells,
  sessionAttendance,
  sessionPeopleCube,
  tookPartIds,
  upsertRepresentationSettings,
  type CallPeopleRow,
  type MemberRow,
  type Params,
} from '../../../db/queries/representation';
import {
  countedCallGenders,
  countedCallGroups,
  countedCallPeople,
  countedFirstCalls,
  countedOneCallPeople,
  countedRegistered,
  countedSessionGenders,
  countedSessionGroups,
  countedSessionPeople,
  type EventGenderRow,
  type EventGroupRow,
} from '../../../db/queries/representationCounts';
import type {
  AlertEvent,
  AlertPerson,
  PhaseFigures,
  PlanRow,
  RepresentationAlert,
  RepresentationDashboard,
  StakeholderMap,
  StakeholderMapCellDto,
  TrendPoint,
} from '../../../shared/api';
import type { Region } from '../../../shared/domain/countries';
import { newId } from '../../../shared/domain/ids';
import {
  cubeForAudience,
  cubeTotal,
  exactPhase,
  exactTrend,
  publishPhase,
  publishTrend,
  rollup,
  UNKNOWN,
  type CubeRow,
  type FigureCell,
  type PublishedPhase,
} from '../../../shared/domain/representation';
import { cellKeyFromSum } from '../../../shared/domain/statistics/perturbation';
import {
  combineKeyed,
  NO_RECORDS,
  publishList,
  type KeyedCount,
} from '../../../shared/domain/statistics/release';
import {
  cellSubject,
  DEFAULT_REPRESENTATION_SETTINGS,
  representationAlerts,
  type PhaseCounts,
  type PlanCellActual,
  type RepresentationSettings,
} from '../../../shared/domain/representationAlerts';
import {
  FIGURE_PHASE_LABELS,
  FIGURE_PHASES,
  organisationKey,
  type FigurePhase,
  type InvolvementLevel,
  type Phase,
} from '../../../shared/domain/stakeholderMap';
import {
  STAKEHOLDER_GROUPS,
  type Audience,
  type Gender,
  type StakeholderGroup,
} from '../../../shared/domain/vocabulary';
import type { ParsedInput } from '../../../shared/schemas';
import { recordAudit } from '../audit/service';
import type { BackendContext } from '../context';
import { requireForum } from '../forums/service';
import { publishedCountOf, statisticsParams } from '../privacy/statistics';

/* ---- The map and the settings ---- */

export function forumRepresentationSettings(
  ctx: BackendContext,
  forumId: string,
): RepresentationSettings {
  return getRepresentationSettings(ctx.db, forumId) ?? { ...DEFAULT_REPRESENTATION_SETTINGS };
}

export function getStakeholderMap(ctx: BackendContext, forumId: string): StakeholderMap {
  requireForum(ctx, forumId, 'forumId');
  const cells: StakeholderMapCellDto[] = listMapCells(ctx.db, forumId).map((r) => ({
    id: r.id,
    stakeholderGroup: r.stakeholderGroup as StakeholderGroup | null,
    region: r.region as Region | null,
    organisation: r.organisation,
    level: r.level as InvolvementLevel,
    phases: JSON.parse(r.phases) as Phase[],
    targetMin: r.targetMin,
    targetShare: r.targetShare,
  }));
  return { forumId, cells, settings: forumRepresentationSettings(ctx, forumId) };
}

export function saveStakeholderMap(
  ctx: BackendContext,
  input: ParsedInput<'representation.saveMap'>,
): StakeholderMap {
  return ctx.db.transaction(() => {
    requireForum(ctx, input.forumId, 'forumId');
    const now = ctx.now();
    replaceMapCells(
      ctx.db,
      input.forumId,
      input.cells.map((c, position) => ({
        id: newId(now),
        forumId: input.forumId,
        position,
        stakeholderGroup: c.stakeholderGroup,
        region: c.region,
        organisation: c.organisation,
        level: c.level,
        phases: JSON.stringify([...new Set(c.phases)]),
        targetMin: c.targetMin,
        targetShare: c.targetShare,
        createdAt: now,
        updatedAt: now,
      })),
    );
    recordAudit(ctx, {
      forumId: input.forumId,
      action: 'stakeholder_map_saved',
      subjectType: 'forum',
      subjectId: input.forumId,
      detail: { cells: input.cells.length },
    });
    return getStakeholderMap(ctx, input.forumId);
  })();
}

export function saveRepresentationSettings(
  ctx: BackendContext,
  input: ParsedInput<'representation.saveSettings'>,
): StakeholderMap {
  return ctx.db.transaction(() => {
    requireForum(ctx, input.forumId, 'forumId');
    const { forumId, ...settings } = input;
    upsertRepresentationSettings(ctx.db, forumId, settings, ctx.now());
    return getStakeholderMap(ctx, forumId);
  })();
}

/* ---- Counting ---- */

interface PhaseData {
  phase: FigurePhase;
  tracked: boolean;
  people: CubeRow[];
  /** Events (records, contributions, comments) by group; null: the phase counts people only. */
  events: { byGroup: Map<string, number>; keyed: Map<string, KeyedCount>; total: number } | null;
  eventsLabel: string | null;
}

interface Counted {
  params: Params;
  phases: PhaseData[];
  calls: { id: string; title: string; startAt: number }[];
  sessions: { id: string; title: string; startAt: number }[];
  /** Per call: attended by group and by gender. */
  perCall: Map<string, PerEvent>;
  perSession: Map<string, PerEvent>;
  /** Distinct people whose first attended call started at each instant. */
  firstAt: Map<number, number>;
  kickOffCallId: string | null;
}

const groupTotals = (
  rows: { stakeholderGroup: string | null; count: number; keySum?: number | bigint | null }[],
) => {
  const byGroup = new Map<string, number>();
  const keyed = new Map<string, KeyedCount>();
  let total = 0;
  for (const r of rows) {
    const k = r.stakeholderGroup ?? UNKNOWN;
    byGroup.set(k, (byGroup.get(k) ?? 0) + r.count);
    keyed.set(
      k,
      combineKeyed(keyed.get(k) ?? NO_RECORDS, { count: r.count, key: cellKeyFromSum(r.keySum) }),
    );
    total += r.count;
  }
  return { byGroup, keyed, total };
};

interface PerEvent {
  byGroup: Map<string, number>;
  /** By group, with the cell keys (the published trend). */
  keyed: Map<string, KeyedCount>;
  byGender: Map<string, number>;
}

/** Per event: attendance by group (with cell keys) and, for coordinators, by gender. */
const perEvent = <K extends string>(
  groups: EventGroupRow<K>[],
  genders: EventGenderRow<K>[],
  key: K,
) => {
  const out = new Map<string, PerEvent>();
  const of = (id: string) => {
    let e = out.get(id);
    if (!e) out.set(id, (e = { byGroup: new Map(), keyed: new Map(), byGender: new Map() }));
    return e;
  };
  for (const r of groups) {
    const e = of(r[key]);
    e.byGroup.set(r.stakeholderGroup, (e.byGroup.get(r.stakeholderGroup) ?? 0) + r.count);
    e.keyed.set(
      r.stakeholderGroup,
      combineKeyed(e.keyed.get(r.stakeholderGroup) ?? NO_RECORDS, {
        count: r.count,
        key: cellKeyFromSum(r.keySum),
      }),
    );
  }
  for (const r of genders) {
    const e = of(r[key]);
    const g = r.gender ?? UNKNOWN;
    e.byGender.set(g, (e.byGender.get(g) ?? 0) + r.count);
  }
  return out;
};

/** The call on (or nearest to, within two days) the kick-off milestone, else the first held call. */
function kickOffCall(
  ctx: BackendContext,
  forumId: string,
  calls: { id: string; startAt: number }[],
): string | null {
  if (calls.length === 0) return null;
  const milestone = listMilestones(ctx.db, forumId).find((m) => m.kind === 'kick_off');
  if (milestone) {
    const day = Date.parse(`${milestone.date}T12:00:00Z`);
    const near = [...calls].sort(
      (a, b) => Math.abs(a.startAt - day) - Math.abs(b.startAt - day),
    )[0];
    if (Math.abs(near.startAt - day) <= 2 * 86_400_000) return near.id;
  }
  return calls[0].id;
}

/**
 * Where the counts come from: the counter tables kept up to date on write (migration 0009), or
 * the GROUP BY over the raw records they replace (tests and the bench compare both).
 */
export type CountSource = 'counters' | 'raw';

/** People per first-call instant, from rows that carry it (the raw call-people cube). */
const firstCallsOf = (rows: CallPeopleRow[]) => {
  const at = new Map<number, number>();
  for (const r of rows) at.set(r.firstAt, (at.get(r.firstAt) ?? 0) + r.count);
  return [...at].map(([firstAt, count]) => ({ firstAt, count }));
};

const COUNTS = {
  counters: {
    registered: countedRegistered,
    callPeople: countedCallPeople,
    firstCalls: countedFirstCalls,
    callGroups: countedCallGroups,
    callGenders: countedCallGenders,
    oneCallPeople: (db: BackendContext['db'], _p: Params, callId: string) =>
      countedOneCallPeople(db, callId),
    sessionPeople: countedSessionPeople,
    sessionGroups: countedSessionGroups,
    sessionGenders: countedSessionGenders,
  },
  // The raw GROUP BYs are finer (a cell per first call, events by group and gender); the
  // figures sum the same.
  raw: {
    registered: registeredCube,
    callPeople: callPeopleCube,
    firstCalls: (db: BackendContext['db'], p: Params) => firstCallsOf(callPeopleCube(db, p)),
    callGroups: callAttendance,
    callGenders: callAttendance,
    oneCallPeople: oneCallPeopleCube,
    sessionPeople: sessionPeopleCube,
    sessionGroups: sessionAttendance,
    sessionGenders: sessionAttendance,
  },
} satisfies Record<CountSource, unknown>;

function count(
  ctx: BackendContext,
  forumId: string,
  audience: Audience,
  source: CountSource,
): Counted {
  const src = COUNTS[source];
  const params: Params = statisticsParams(ctx, forumId);
  const publishableOnly = audience !== 'coordinators';
  const calls = heldCalls(ctx.db, params);
  const sessions = heldSessions(ctx.db, params);
  // Genders per event and the cumulative line serve coordinators only (alerts; the public
  // trend has no cumulative people).
  const coordinators = audience === 'coordinators';
  const callPeople = src.callPeople(ctx.db, params);
  const firstAt = new Map<number, number>(
    coordinators ? src.firstCalls(ctx.db, params).map((r) => [r.firstAt, r.count]) : [],
  );
  const callGroups = src.callGroups(ctx.db, params);
  const perCall = perEvent(
    callGroups,
    coordinators ? src.callGenders(ctx.db, params) : [],
    'callId',
  );
  const sessionGroups = src.sessionGroups(ctx.db, params);
  const perSession = perEvent(
    sessionGroups,
    coordinators ? src.sessionGenders(ctx.db, params) : [],
    'sessionId',
  );
  const kickOffCallId = kickOffCall(ctx, forumId, calls);
  const comments = hasCommentTables(ctx.db);
  const phases: PhaseData[] = [
    {
      phase: 'registered',
      tracked: true,
      people: src.registered(ctx.db, params),
      events: null,
      eventsLabel: null,
    },
    {
      phase: 'kick_off',
      tracked: true,
      people: kickOffCallId ? src.oneCallPeople(ctx.db, params, kickOffCallId) : [],
      events: null,
      eventsLabel: null,
    },
    {
      phase: 'calls',
      tracked: true,
      people: callPeople,
      events: groupTotals(callGroups),
      eventsLabel: 'Attendances (people x calls)',
    },
    {
      phase: 'nri_sessions',
      tracked: true,
      people: src.sessionPeople(ctx.db, params),
      events: groupTotals(sessionGroups),
      eventsLabel: 'Attendances (people x sessions)',
    },
    {
      phase: 'drafting',
      tracked: true,
      people: contributorPeopleCube(ctx.db, params, publishableOnly),
      events: groupTotals(contributionsByGroup(ctx.db, params, publishableOnly)),
      eventsLabel: 'Accepted contributions',
    },
    {
      phase: 'comment_rounds',
      tracked: comments,
      people: comments ? commenterPeopleCube(ctx.db, params) : [],
      events: comments ? groupTotals(commentsByGroup(ctx.db, params)) : null,
      eventsLabel: comments ? 'Comments on drafts' : null,
    },
    { phase: 'igf_session', tracked: false, people: [], events: null, eventsLabel: null },
  ];
  return { params, phases, calls, sessions, perCall, perSession, firstAt, kickOffCallId };
}

/* ---- Plan versus actual ---- */

const matches = (
  cell: { stakeholderGroup: string | null; region: string | null },
  row: { stakeholderGroup: string | null; region: string | null },
) =>
  (cell.stakeholderGroup === null || cell.stakeholderGroup === row.stakeholderGroup) &&
  (cell.region === null || cell.region === row.region);

/** The published figure of a cell: one that the suppressed breakdowns already show. */
function cellFigure(
  cell: { stakeholderGroup: string | null; region: string | null },
  pub: PublishedPhase,
): FigureCell {
  if (cell.stakeholderGroup === null && cell.region === null) return pub.total;
  if (cell.region === null)
    return (
      pub.byDimension.stakeholder_group.find((c) => c.key === cell.stakeholderGroup)?.value ?? {
        count: 0,
        text: '0',
      }
    );
  if (cell.stakeholderGroup === null)
    return (
      pub.byDimension.region.find((c) => c.key === cell.region)?.value ?? { count: 0, text: '0' }
    );
  return (
    pub.groupRegion.find((c) => c.group === cell.stakeholderGroup && c.region === cell.region)
      ?.value ?? { count: 0, text: '0' }
  );
}

function planActuals(
  ctx: BackendContext,
  counted: Counted,
  cells: StakeholderMapCellDto[],
  published: Map<FigurePhase, PublishedPhase>,
  audience: Audience,
): { rows: PlanRow[]; actuals: PlanCellActual[] } {
  const suppressed = audience !== 'coordinators';
  const orgCells = cells.filter((c) => c.organisation);
  const orgMembers = orgCells.length
    ? organisationMembers(ctx.db, counted.params.forumId, suppressed)
    : [];
  const tookPart = new Map<FigurePhase, Set<string>>();
  const idsFor = (phase: FigurePhase): Set<string> | null => {
    if (phase === 'registered') return null;
    let s = tookPart.get(phase);
    if (!s) {
      s = tookPartIds(ctx.db, phase, { ...counted.params, callId: counted.kickOffCallId });
      tookPart.set(phase, s);
    }
    return s;
  };
  const rows: PlanRow[] = [];
  const actuals: PlanCellActual[] = [];
  for (const cell of cells) {
    const judged: FigurePhase[] = ['registered', ...cell.phases];
    const actual: Partial<Record<FigurePhase, number>> = {};
    const out: PlanRow['actuals'] = [];
    for (const phase of FIGURE_PHASES.filter((p) => judged.includes(p))) {
      const data = counted.phases.find((p) => p.phase === phase)!;
      if (!data.tracked) {
        out.push({ phase, actual: { count: null, text: 'not recorded' }, target: null, met: null });
        continue;
      }
      const phasePeople = cubeTotal(data.people);
      let n: number;
      let figure: FigureCell;
      if (cell.organisation) {
        const key = organisationKey(cell.organisation);
        const ids = idsFor(phase);
        // Protected members are not counted under their organisation for the public
        // (organisationMembers leaves them out): their organisation is "Not recorded".
        const members = orgMembers.filter(
          (m) =>
            organisationKey(m.organisation) === key &&
            matches(cell, m) &&
            (ids === null || ids.has(m.id)),
        );
        n = members.length;
        figure = suppressed
          ? publishedCountOf(
              counted.params.secret,
              members.map((m) => m.id),
            )
          : { count: n, text: String(n) };
      } else {
        n = data.people.filter((r) => matches(cell, r)).reduce((s, r) => s + r.count, 0);
        figure = suppressed
          ? cellFigure(cell, published.get(phase)!)
          : { count: n, text: String(n) };
      }
      actual[phase] = n;
      const target = Math.max(
        cell.targetMin ?? 0,
        cell.targetShare !== null ? Math.ceil(cell.targetShare * phasePeople) : 0,
      );
      const hasTarget = cell.targetMin !== null || cell.targetShare !== null;
      out.push({
        phase,
        actual: figure,
        target: hasTarget ? target : null,
        met:
          phasePeople === 0 || figure.count === null
            ? null
            : hasTarget
              ? figure.count >= target
              : phase === 'registered' || figure.count > 0,
      });
    }
    rows.push({
      cellId: cell.id,
      label: cellSubject(cell),
      stakeholderGroup: cell.stakeholderGroup,
      region: cell.region,
      organisation: cell.organisation,
      level: cell.level,
      phases: cell.phases,
      targetMin: cell.targetMin,
      targetShare: cell.targetShare,
      actuals: out,
    });
    actuals.push({
      cellId: cell.id,
      stakeholderGroup: cell.stakeholderGroup,
      region: cell.region,
      organisation: cell.organisation,
      phases: cell.phases,
      targetMin: cell.targetMin,
      targetShare: cell.targetShare,
      actual,
    });
  }
  return { rows, actuals };
}

/* ---- Alerts with the people and events behind them ---- */

const toPerson = (m: MemberRow): AlertPerson => ({
  id: m.id,
  fullName: m.fullName,
  stakeholderGroup: m.stakeholderGroup as StakeholderGroup,
  region: m.region as Region | null,
  isProtected: m.isProtected === 1,
  consentInvitations: m.consentInvitations === 1,
});

function enrichAlerts(
  ctx: BackendContext,
  counted: Counted,
  actuals: PlanCellActual[],
  settings: RepresentationSettings,
): RepresentationAlert[] {
  const phaseCounts: PhaseCounts[] = counted.phases.map((p) => {
    const byGroup = rollup(p.people, 'stakeholder_group');
    const byGender = rollup(p.people, 'gender');
    const groupRecord = (m: Map<string, number>) =>
      Object.fromEntries(
        [...m].filter(([k]) => (STAKEHOLDER_GROUPS as readonly string[]).includes(k)),
      ) as Partial<Record<StakeholderGroup, number>>;
    return {
      phase: p.phase,
      tracked: p.tracked,
      people: cubeTotal(p.people),
      measure: p.events ? { total: p.events.total, byGroup: groupRecord(p.events.byGroup) } : null,
      peopleByGroup: groupRecord(byGroup),
      peopleByGender: Object.fromEntries(byGender) as Partial<Record<Gender, number>>,
    };
  });
  const findings = representationAlerts(phaseCounts, actuals, settings);
  const recent = counted.calls.slice(-settings.recentCalls).map((c) => c.id);
  const suggestionCache = new Map<string, AlertPerson[]>();
  const suggest = (group: string | null, region: string | null) => {
    const key = `${group}|${region}`;
    let s = suggestionCache.get(key);
    if (!s) {
      s = membersNotAttending(ctx.db, {
        forumId: counted.params.forumId,
        group,
        region,
        recentCallIds: recent,
        limit: 10,
      }).map(toPerson);
      suggestionCache.set(key, s);
    }
    return s;
  };
  const attendeeCache = new Map<string, AlertPerson[]>();
  const attendeesOf = (group: string) => {
    let s = attendeeCache.get(group);
    if (!s) {
      s = recentAttendees(ctx.db, {
        forumId: counted.params.forumId,
        group,
        callIds: recent,
        limit: 10,
      }).map(toPerson);
      attendeeCache.set(group, s);
    }
    return s;
  };
  const eventsWhere = (
    phase: FigurePhase,
    share: (e: { byGroup: Map<string, number>; byGender: Map<string, number> }) => number | null,
  ): AlertEvent[] => {
    const list =
      phase === 'calls' || phase === 'kick_off'
        ? counted.calls
            .filter((c) => phase === 'calls' || c.id === counted.kickOffCallId)
            .map((c) => ({ kind: 'call' as const, ...c, e: counted.perCall.get(c.id) }))
        : phase === 'nri_sessions'
          ? counted.sessions.map((s) => ({
              kind: 'session' as const,
              ...s,
              e: counted.perSession.get(s.id),
            }))
          : [];
    const out: AlertEvent[] = [];
    for (const x of list) {
      if (!x.e) continue;
      const v = share(x.e);
      if (v !== null)
        out.push({ kind: x.kind, id: x.id, title: x.title, startAt: x.startAt, share: v });
    }
    return out;
  };
  return findings.map((f) => {
    let people: AlertPerson[] = [];
    let events: AlertEvent[] = [];
    let suggestions: AlertPerson[] = [];
    if (f.kind === 'dominance' && f.stakeholderGroup) {
      const g = f.stakeholderGroup;
      events = eventsWhere(f.phase, (e) => {
        const total = [...e.byGroup.values()].reduce((s, n) => s + n, 0);
        const share = total > 0 ? (e.byGroup.get(g) ?? 0) / total : 0;
        return total >= settings.minSample && share > settings.dominanceShare ? share : null;
      });
      people = attendeesOf(g);
      // Who to invite to balance it: members of the three least represented groups of the phase
      // who have not attended recently.
      const pc = phaseCounts.find((p) => p.phase === f.phase)!;
      const byGroup = pc.measure?.byGroup ?? pc.peopleByGroup;
      const weakest = STAKEHOLDER_GROUPS.filter((x) => x !== g)
        .sort((a, b) => (byGroup[a] ?? 0) - (byGroup[b] ?? 0))
        .slice(0, 3);
      suggestions = weakest.flatMap((x) => suggest(x, null).slice(0, 4)).slice(0, 10);
    } else if (f.kind === 'gender_balance' && f.gender) {
      const gender = f.gender;
      events = eventsWhere(f.phase, (e) => {
        const known = ['woman', 'man', 'non_binary', 'self_described'].reduce(
          (s, k) => s + (e.byGender.get(k) ?? 0),
          0,
        );
        const share = known > 0 ? (e.byGender.get(gender) ?? 0) / known : 0;
        return known >= settings.minSample && share > settings.genderThreshold ? share : null;
      });
    } else if (f.kind === 'absence' || f.kind === 'target_missed') {
      suggestions = suggest(f.stakeholderGroup, f.region);
    }
    return { ...f, people, events, suggestions };
  });
}

/* ---- The dashboard ---- */

export function representationDashboard(
  ctx: BackendContext,
  forumId: string,
  audience: Audience,
  source: CountSource = 'counters',
): RepresentationDashboard {
  requireForum(ctx, forumId, 'forumId');
  const suppressed = audience !== 'coordinators';
  const counted = count(ctx, forumId, audience, source);
  const map = getStakeholderMap(ctx, forumId);
  const published = new Map<FigurePhase, PublishedPhase>();
  const phases: PhaseFigures[] = counted.phases.map((p) => {
    const cube = cubeForAudience(p.people, audience);
    const pub = suppressed ? publishPhase(cube) : exactPhase(cube);
    published.set(p.phase, pub);
    return {
      phase: p.phase,
      label: FIGURE_PHASE_LABELS[p.phase],
      tracked: p.tracked,
      people: p.tracked ? pub.total : { count: null, text: 'not recorded' },
      events: null,
      eventsLabel: p.eventsLabel,
      byDimension: pub.byDimension,
    };
  });
  // Events: a one-way list by group (calls: the trend table's column totals).
  const groupKeys = [...STAKEHOLDER_GROUPS, UNKNOWN];
  const trendTable = suppressed
    ? publishTrend(
        counted.calls.map((c) =>
          STAKEHOLDER_GROUPS.map((g) => counted.perCall.get(c.id)?.keyed.get(g) ?? NO_RECORDS),
        ),
      )
    : exactTrend(
        counted.calls.map((c) =>
          STAKEHOLDER_GROUPS.map((g) => counted.perCall.get(c.id)?.byGroup.get(g) ?? 0),
        ),
      );
  for (const f of phases) {
    const data = counted.phases.find((p) => p.phase === f.phase)!;
    if (!data.events) continue;
    if (f.phase === 'calls') {
      f.events = counted.calls.length ? trendTable.total : { count: 0, text: '0' };
      continue;
    }
    const n = data.events.total;
    f.events = suppressed
      ? publishList(groupKeys.map((g) => data.events!.keyed.get(g) ?? NO_RECORDS)).total
      : { count: n, text: String(n) };
  }
  let cumulative = 0;
  const trend: TrendPoint[] = counted.calls.map((c, i) => {
    cumulative += counted.firstAt.get(c.startAt) ?? 0;
    return {
      callId: c.id,
      title: c.title,
      startAt: c.startAt,
      attended: trendTable.rowTotals[i],
      byGroup: trendTable.cells[i],
      cumulativePeople: suppressed ? null : cumulative,
    };
  });
  const { rows, actuals } = planActuals(ctx, counted, map.cells, published, audience);
  return {
    forumId,
    audience,
    suppressed,
    phases,
    plan: rows,
    trend,
    callsHeld: counted.calls.length,
    sessionsHeld: counted.sessions.length,
    alerts: suppressed ? [] : enrichAlerts(ctx, counted, actuals, map.settings),
    settings: map.settings,
  };
}

/**
 * The dashboard outside coordinators: its free text redacted. That is the call titles of the trend,
 * the plan's labels and organisations, and (never sent outside coordinators, redacted all the same)
 * the alerts. Everything else is figures, codes and the app's own labels: sending those through
 * the Markdown redactor cost more than counting (a reader's first public dashboard paid about
 * 150 ms for parsing labels such as "Least developed country (LDC)"). The representation tests
 * fail when the dashboard gains a string that is neither redacted here nor known to be a code or
 * an app label.
 */
export function dashboardForAudience(
  d: RepresentationDashboard,
  redact: (s: string) => string,
): RepresentationDashboard {
  const orNull = (s: string | null) => (s === null ? null : redact(s));
  return {
    ...d,
    trend: d.trend.map((t) => ({ ...t, title: redact(t.title) })),
    plan: d.plan.map((r) => ({
      ...r,
      label: redact(r.label),
      organisation: orNull(r.organisation),
    })),
    alerts: redactStrings(d.alerts, redact),
  };
}

/**
 * The publishable representation figures of a forum (small cells suppressed, protected people
 * located no finer than their region): for exports and the outcome report's methodology section.
 */
export function representationFigures(
  ctx: BackendContext,
  forumId: string,
  audience: Audience = 'public',
): RepresentationDashboard {
  const d = representationDashboard(
    ctx,
    forumId,
    audience === 'coordinators' ? 'public' : audience,
  );
  return { ...d, audience };
}
