import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REPRESENTATION_SETTINGS as S,
  representationAlerts,
  type PhaseCounts,
  type PlanCellActual,
} from './representationAlerts';

const phase = (p: Partial<PhaseCounts> & Pick<PhaseCounts, 'phase'>): PhaseCounts => ({
  tracked: true,
  people: 0,
  measure: null,
  peopleByGroup: {},
  peopleByGender: {},
  ...p,
});
const cell = (c: Partial<PlanCellActual>): PlanCellActual => ({
  cellId: 'c1',
  stakeholderGroup: null,
  region: null,
  organisation: null,
  phases: [],
  targetMin: null,
  targetShare: null,
  actual: {},
  ...c,
});

describe('representation alerts', () => {
  it('flags a group above the dominance share of attendance, not at it', () => {
    const calls = phase({
      phase: 'calls',
      people: 10,
      measure: { total: 20, byGroup: { private_sector: 9, civil_society: 8, government: 3 } },
    });
    expect(representationAlerts([calls], [], S).map((a) => a.id)).toEqual([
      'dominance:calls:private_sector',
    ]);
    const atThreshold = phase({
      phase: 'calls',
      measure: { total: 10, byGroup: { private_sector: 4, civil_society: 6 } },
    });
    expect(
      representationAlerts([atThreshold], [], { ...S, dominanceShare: 0.6 }).map((a) => a.id),
    ).toEqual([]);
  });

  it('judges dominance on people when a phase has no events, and only above the sample size', () => {
    const small = phase({ phase: 'registered', people: 4, peopleByGroup: { academia: 4 } });
    expect(representationAlerts([small], [], S)).toEqual([]);
    const big = phase({ phase: 'registered', people: 5, peopleByGroup: { academia: 5 } });
    expect(representationAlerts([big], [], S)[0]).toMatchObject({
      kind: 'dominance',
      share: 1,
      count: 5,
      total: 5,
    });
  });

  it('reports a planned group absent from a phase that took place, but not from one yet to come', () => {
    const plan = [
      cell({ stakeholderGroup: 'government', phases: ['calls', 'nri_sessions'], actual: {} }),
    ];
    const alerts = representationAlerts(
      [
        phase({ phase: 'registered', people: 3, peopleByGroup: { civil_society: 3 } }),
        phase({ phase: 'calls', people: 3 }),
        phase({ phase: 'nri_sessions', people: 0 }),
      ],
      plan,
      S,
    );
    expect(alerts.map((a) => a.id)).toEqual(['absence:calls:c1']);
    expect(alerts[0].message).toContain('Government');
  });

  it('reports a missed target (count or share), and nothing when met or untracked', () => {
    const phases = [
      phase({ phase: 'registered', people: 10 }),
      phase({ phase: 'calls', people: 10 }),
      phase({ phase: 'igf_session', tracked: false }),
    ];
    const plan = [
      cell({
        cellId: 'a',
        region: 'africa',
        phases: ['calls', 'igf_session'],
        targetMin: 3,
        actual: { registered: 5, calls: 2 },
      }),
      cell({
        cellId: 'b',
        stakeholderGroup: 'academia',
        phases: ['calls'],
        targetShare: 0.25,
        actual: { registered: 2, calls: 3 },
      }),
      cell({
        cellId: 'c',
        stakeholderGroup: 'civil_society',
        phases: ['calls'],
        targetMin: 2,
        actual: { registered: 2, calls: 2 },
      }),
    ];
    const ids = representationAlerts(phases, plan, S).map((a) => a.id);
    expect(ids).toEqual(['target_missed:calls:a', 'target_missed:registered:b']);
  });

  it('reports gender balance past the threshold among recorded genders only', () => {
    const p = phase({
      phase: 'calls',
      people: 12,
      peopleByGender: { woman: 7, man: 3, prefer_not_to_say: 2 },
    });
    const alerts = representationAlerts([p], [], S);
    expect(alerts.map((a) => a.id)).toEqual(['gender_balance:calls:woman']);
    expect(alerts[0].total).toBe(10);
    expect(representationAlerts([p], [], { ...S, genderThreshold: 0.7 })).toEqual([]);
  });
});
