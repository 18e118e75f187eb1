// Representation end to end through backend.dispatch on ':memory:': figures against a
// hand-computed fixture, plan versus actual, alerts with people and suggestions, the public
// (suppressed) view and the 'representation' export.
import { afterAll, describe, expect, it } from 'vitest';
import type {
  CallSeriesDetails,
  ExportFile,
  Participant,
  RepresentationDashboard,
  StakeholderMap,
} from '../../../shared/api';
import { suggestedStakeholderMap } from '../../../shared/domain/stakeholderMap';
import { createBackend } from '../backend';
import { representationFigures } from './service';
import type { Session } from '../../../shared/methods';

const now = Date.UTC(2026, 5, 1, 9);
const backend = createBackend({ dbFile: ':memory:', shell: 'test', now: () => now });
afterAll(() => backend.close());

async function call<T>(method: string, input: unknown, session?: Session): Promise<T> {
  const r = await backend.dispatch(method, input, session);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

const forumId = (await call<{ id: string }>('forums.create', { title: 'BPF Access', year: 2026 }))
  .id;
const person = (
  fullName: string,
  stakeholderGroup: string,
  country: string,
  gender: string | null,
) =>
  call<Participant>('participants.create', {
    forumId,
    fullName,
    stakeholderGroup,
    country,
    gender,
    consentInvitations: true,
  });

const p1 = await person('Ana Lima', 'civil_society', 'BR', 'woman');
const p2 = await person('Kwame Otieno', 'civil_society', 'KE', 'man');
const p3 = await person('Robert Hughes', 'private_sector', 'US', 'man');
const p4 = await person('Mark Stone', 'private_sector', 'US', 'man');
const p5 = await person('Greta Weber', 'private_sector', 'DE', 'woman');
const p6 = await person('Tom Baker', 'private_sector', 'GB', 'man');
const p7 = await person('Sabina Shrestha', 'government', 'NP', 'woman');
const p8 = await person('Litia Vula', 'academia', 'FJ', null);

const series = await call<CallSeriesDetails>('callSeries.create', {
  forumId,
  title: 'Fortnightly call',
  firstDate: '2026-02-12',
  occurrenceCount: 3,
  slots: [{ time: '13:00', zone: 'UTC' }],
});
const [c1, c2, c3] = series.calls;
const attend = async (callId: string, people: Participant[], status = 'attended') => {
  for (const p of people)
    await call('calls.setAttendance', { id: callId, participantId: p.id, status });
};
await attend(c1.id, [p1, p3, p4, p5, p6]);
await attend(c1.id, [p2], 'apologies');
await attend(c2.id, [p3, p4, p6, p7]);
await attend(c3.id, [p3, p1]);

const dashboard = (audience: Session['audience'] = 'coordinators') =>
  call<RepresentationDashboard>('representation.dashboard', { forumId }, { audience });
const phase = (d: RepresentationDashboard, name: string) => d.phases.find((p) => p.phase === name)!;
const cat = (d: RepresentationDashboard, ph: string, dim: string, key: string) =>
  phase(d, ph).byDimension[dim as 'region'].find((c) => c.key === key)!.value.text;

describe('representation figures', () => {
  it('counts registered members, call attendance and the trend as computed by hand', async () => {
    const d = await dashboard();
    expect(d.callsHeld).toBe(3);
    expect(phase(d, 'registered').people.count).toBe(8);
    expect(cat(d, 'registered', 'stakeholder_group', 'private_sector')).toBe('4');
    expect(cat(d, 'registered', 'region', 'northern_america')).toBe('2');
    expect(cat(d, 'registered', 'development_status', 'ldc')).toBe('1');
    expect(cat(d, 'registered', 'gender', 'unknown')).toBe('1');
    // Calls: distinct people P1, P3, P4, P5, P6, P7; attendances 5 + 4 + 2.
    expect(phase(d, 'calls').people.count).toBe(6);
    expect(phase(d, 'calls').events?.count).toBe(11);
    expect(cat(d, 'calls', 'gender', 'woman')).toBe('3');
    expect(cat(d, 'calls', 'gender', 'man')).toBe('3');
    expect(cat(d, 'calls', 'stakeholder_group', 'academia')).toBe('0');
    // Kick-off: the first call (no kick-off milestone).
    expect(phase(d, 'kick_off').people.count).toBe(5);
    expect(d.trend.map((t) => t.attended.count)).toEqual([5, 4, 2]);
    expect(d.trend.map((t) => t.byGroup[1].count)).toEqual([4, 3, 1]);
    expect(d.trend.map((t) => t.cumulativePeople)).toEqual([5, 6, 6]);
    expect(phase(d, 'igf_session').tracked).toBe(false);
  });

  it('raises a dominance alert for the private sector, with the calls and people behind it', async () => {
    const d = await dashboard();
    const calls = d.alerts.find((a) => a.id === 'dominance:calls:private_sector')!;
    expect(calls).toBeDefined();
    expect(calls.count).toBe(8);
    expect(calls.total).toBe(11);
    // Call 1 (4 of 5) is judged; call 2 has 3 of 4 but is below the sample of 5; call 3 too.
    expect(calls.events.map((e) => e.id)).toEqual([c1.id]);
    // The private-sector attendees of the recent (last 3) calls, by name.
    expect(calls.people.map((p) => p.fullName)).toEqual([
      'Greta Weber',
      'Mark Stone',
      'Robert Hughes',
      'Tom Baker',
    ]);
    expect(d.alerts.some((a) => a.id === 'dominance:registered:private_sector')).toBe(true);
  });

  it('compares the map with reality: absences, targets and who to invite', async () => {
    await call<StakeholderMap>('representation.saveMap', {
      forumId,
      cells: suggestedStakeholderMap(),
    });
    await call('representation.saveSettings', {
      forumId,
      dominanceShare: 0.4,
      genderThreshold: 0.65,
      recentCalls: 1,
      minSample: 5,
    });
    const d = await dashboard();
    const gov = d.plan.find((r) => r.stakeholderGroup === 'government' && !r.region)!;
    expect(gov.actuals.find((a) => a.phase === 'calls')).toMatchObject({
      actual: { count: 1 },
      target: 3,
      met: false,
    });
    const absence = d.alerts.find(
      (a) => a.kind === 'absence' && a.phase === 'kick_off' && a.stakeholderGroup === 'government',
    )!;
    expect(absence).toBeDefined();
    // P7 attended call 2 but not the last call: suggested.
    expect(absence.suggestions.map((s) => s.id)).toEqual([p7.id]);
    const academia = d.alerts.find(
      (a) => a.kind === 'absence' && a.phase === 'calls' && a.stakeholderGroup === 'academia',
    )!;
    expect(academia.suggestions.map((s) => s.id)).toEqual([p8.id]);
    const target = d.alerts.find(
      (a) => a.id.startsWith('target_missed:calls:') && a.stakeholderGroup === 'civil_society',
    )!;
    expect(target.count).toBe(1);
    expect(target.suggestions.map((s) => s.id).sort()).toEqual([p2.id].sort());
  });

  it('shows the public only suppressed figures, and protected people no finer than their region', async () => {
    await call('participants.protect', { id: p7.id, reason: 'Targeted online' });
    const coord = await dashboard();
    expect(cat(coord, 'registered', 'development_status', 'ldc')).toBe('1');
    const pub = await dashboard('public');
    expect(pub.suppressed).toBe(true);
    expect(pub.alerts).toEqual([]);
    const texts = pub.phases.flatMap((p) =>
      Object.values(p.byDimension).flatMap((cs) => cs.map((c) => c.value.text)),
    );
    expect(texts).not.toContain('1');
    expect(texts).not.toContain('2');
    // The protected member's development status is not recorded for the public.
    expect(['0', 'x']).toContain(cat(pub, 'registered', 'development_status', 'ldc'));
    expect(pub.trend.every((t) => t.cumulativePeople === null)).toBe(true);
    // A call attended by 1 or 2 people: perturbed to a multiple of 3 (0 or 3), never exact.
    expect(['0', '3']).toContain(pub.trend[2].attended.text);
  });

  it('exports the figures through the publication path, suppressed and naming nobody', async () => {
    const file = await call<ExportFile>('exports.render', {
      forumId,
      kind: 'representation',
      format: 'csv',
      audience: 'public',
    });
    const csv = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(file.filename).toMatch(/representation-public-.*\.csv$/);
    expect(csv).toContain('Registered members');
    // Every published figure (the last column) is perturbed to a multiple of 3.
    const actuals = csv
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(',').at(-1)!)
      .filter((v) => /^\d+$/.test(v));
    expect(actuals.length).toBeGreaterThan(10);
    for (const v of actuals) expect(Number(v) % 3).toBe(0);
    for (const p of [p1, p2, p3, p4, p5, p6, p7, p8]) expect(csv).not.toContain(p.fullName);
    expect(csv).not.toMatch(/,(1|2)\r\n/);
    const figures = representationFigures(
      { db: backend.db, now: () => now, shell: 'test', dbFile: ':memory:' },
      forumId,
    );
    expect(figures.suppressed).toBe(true);
    // The total is the sum of the published group figures (not the exact 8).
    const registered = figures.phases[0];
    expect(registered.people.count).toBe(
      registered.byDimension.stakeholder_group.reduce((n, c) => n + c.value.count!, 0),
    );
    expect(registered.people.count! % 3).toBe(0);
  });

  it("redacts a protected person's name in the dashboard's free text, and only there", async () => {
    await call('participants.protect', { id: p8.id, reason: 'Threatened on a call' });
    await call('calls.update', { id: c2.id, title: 'Call with **Litia** Vula on access' });
    const cells = suggestedStakeholderMap().slice(0, 2);
    await call<StakeholderMap>('representation.saveMap', {
      forumId,
      cells: [cells[0], { ...cells[1], organisation: 'Litia Vula Consulting' }],
    });
    const coord = await dashboard();
    expect(coord.trend[1].title).toBe('Call with **Litia** Vula on access');
    for (const audience of ['public', 'participants'] as const) {
      const d = await dashboard(audience);
      expect(JSON.stringify(d)).not.toMatch(/Litia|Vula/);
      expect(d.trend[1].title).toMatch(/^Call with .+ on access$/);
      // The plan's label names the organisation: both are redacted, the other cell reads as is.
      expect(d.plan[1].organisation).not.toBeNull();
      expect(d.plan[0].label).toBe(coord.plan[0].label);
      // Every other string is a code, a figure or the app's own label: a string the dashboard
      // gains must be redacted in dashboardForAudience or added here.
      const free = new Set(['trend[].title', 'plan[].label', 'plan[].organisation']);
      const known =
        /^(forumId|audience|phases\[\]\.(phase|label|eventsLabel|people\.text|events\.text|byDimension\.\w+\[\]\.(key|label|value\.text))|trend\[\]\.(callId|attended\.text|byGroup\[\]\.text)|plan\[\]\.(cellId|stakeholderGroup|region|level|phases\[\]|actuals\[\]\.(phase|actual\.text)))$/;
      const paths = new Set<string>();
      const walk = (v: unknown, path: string): void => {
        if (typeof v === 'string') paths.add(path);
        else if (Array.isArray(v)) v.forEach((x) => walk(x, `${path}[]`));
        else if (v && typeof v === 'object')
          for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
      };
      walk(d, '');
      expect([...paths].filter((p) => !free.has(p) && !known.test(p))).toEqual([]);
      expect([...free].filter((p) => !paths.has(p))).toEqual([]);
    }
  });

  it('refuses an unknown forum and malformed cells', async () => {
    const r = await backend.dispatch('representation.saveMap', {
      forumId,
      cells: [{ level: 'shout', phases: [] }],
    });
    expect(r.ok).toBe(false);
    const r2 = await backend.dispatch('representation.dashboard', {
      forumId: '00000000-0000-7000-8000-000000000000',
    });
    expect(r2.ok).toBe(false);
  });
});
