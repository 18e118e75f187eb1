// Boundary rules added for issue 11 §10: dates within the forum's year ±1, consent not before
// receipt, out-of-range dates as validation errors (not "conflict"), through dispatch.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallSeriesDetails, Contribution, Participant } from '../../shared/api';
import type { RpcResult } from '../../shared/result';
import { createBackend, type Backend } from './backend';

let backend: Backend;
let forumId: string;

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await backend.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}
const attempt = (method: string, input: unknown): Promise<RpcResult<unknown>> =>
  backend.dispatch(method, input);

beforeEach(async () => {
  backend = createBackend({ dbFile: ':memory:', shell: 'test' });
  forumId = (await call<{ id: string }>('forums.create', { title: 'BPF Test', year: 2026 })).id;
});
afterEach(() => backend.close());

const seriesInput = (fields: Record<string, unknown>) => ({
  forumId,
  title: 'Fortnightly calls',
  firstDate: '2026-03-03',
  occurrenceCount: 4,
  slots: [{ time: '13:00', zone: 'UTC' }],
  ...fields,
});
const countRows = (table: string) =>
  backend.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('dates within the forum year, give or take one', () => {
  it('refuses a series whose first date is 9999-12-31 as a validation error, not a conflict', async () => {
    const r = await attempt('callSeries.create', seriesInput({ firstDate: '9999-12-31' }));
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', field: 'firstDate' } });
    expect(countRows('call_series')).toBe(0);
  });

  it('refuses first and end dates outside 2025-2027 with a sentence naming the field', async () => {
    const r = await attempt('callSeries.create', seriesInput({ firstDate: '2028-01-01' }));
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'validation',
        field: 'firstDate',
        message:
          "firstDate: The first date must fall between 2025-01-01 and 2027-12-31 (the forum's year 2026, give or take one year).",
      },
    });
    const end = await attempt(
      'callSeries.create',
      seriesInput({ occurrenceCount: null, endDate: '2030-06-01' }),
    );
    expect(end).toMatchObject({ ok: false, error: { code: 'validation', field: 'endDate' } });
    // Edges are inside.
    await call('callSeries.create', seriesInput({ firstDate: '2025-01-01' }));
    expect(countRows('call_series')).toBe(1);
  });

  it('refuses a series whose planned calls run past the range', async () => {
    const r = await attempt(
      'callSeries.create',
      seriesInput({ firstDate: '2027-10-01', cadenceWeeks: 4, occurrenceCount: 10 }),
    );
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'occurrenceCount' },
    });
  });

  it('applies to updates of a series and to moving a call', async () => {
    const series = await call<CallSeriesDetails>('callSeries.create', seriesInput({}));
    const update = {
      title: 'Fortnightly calls',
      firstDate: '2031-02-02',
      occurrenceCount: 4,
      slots: [{ time: '13:00', zone: 'UTC' }],
    };
    const r = await attempt('callSeries.update', { id: series.id, ...update });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', field: 'firstDate' } });
    const callId = series.calls[0].id;
    const moved = await attempt('calls.move', {
      id: callId,
      date: '2024-12-31',
      time: '10:00',
      zone: 'UTC',
    });
    expect(moved).toMatchObject({ ok: false, error: { code: 'validation', field: 'date' } });
    expect(
      (await attempt('calls.move', { id: callId, date: '2027-12-31', time: '10:00', zone: 'UTC' }))
        .ok,
    ).toBe(true);
  });

  it('refuses milestones outside the range (property: any date outside is refused)', async () => {
    const outside = fc.oneof(
      fc.date({ min: new Date('1900-01-01'), max: new Date('2024-12-31'), noInvalidDate: true }),
      fc.date({ min: new Date('2028-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }),
    );
    await fc.assert(
      fc.asyncProperty(outside, async (d) => {
        const date = d.toISOString().slice(0, 10);
        const r = await attempt('forums.create', {
          title: 'BPF Out of range',
          year: 2026,
          milestones: [
            { kind: 'kick_off', date: '2026-02-01' },
            { kind: 'final_report', date },
          ],
        });
        expect(r).toMatchObject({
          ok: false,
          error: { code: 'validation', field: 'milestones.1.date' },
        });
        expect(r.ok || r.error.message).toMatch(/The date of milestone 2 must fall between/);
      }),
      { numRuns: 50 },
    );
    const fine = await attempt('forums.create', {
      title: 'BPF In range',
      year: 2026,
      milestones: [{ kind: 'kick_off', date: '2025-11-30' }],
    });
    expect(fine.ok).toBe(true);
  });

  it('refuses a date with a far year anywhere as a validation error', async () => {
    const r = await attempt('calls.burden', { forumId, dates: ['9999-12-31'] });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', field: 'dates.0' } });
  });
});

describe('consent cannot be dated before the contribution was received', () => {
  const create = (fields: Record<string, unknown>) =>
    attempt('contributions.create', {
      forumId,
      title: 'Community networks in rural areas',
      kind: 'practice',
      source: 'email',
      receivedOn: '2026-03-10',
      ...fields,
    });

  it('on create and on update', async () => {
    const r = await create({ mayPublish: true, consentGivenOn: '2026-03-09' });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'validation',
        field: 'consentGivenOn',
        message:
          'consentGivenOn: The consent date cannot be before the date the contribution was received.',
      },
    });
    expect(countRows('contributions')).toBe(0);
    const made = await create({ mayPublish: true, consentGivenOn: '2026-03-10' });
    expect(made.ok).toBe(true);
    const id = (made as { ok: true; value: Contribution }).value.id;
    // Moving the receipt after the consent is refused too, and changes nothing.
    const moved = await attempt('contributions.update', { id, receivedOn: '2026-04-01' });
    expect(moved).toMatchObject({ ok: false, error: { field: 'consentGivenOn' } });
    const kept = await call<Contribution>('contributions.get', { id });
    expect(kept.receivedOn).toBe('2026-03-10');
  });

  it('in a survey import, as an error on that row', async () => {
    const csv = [
      'Title,Date received,May be published,Consent given on',
      'Good practice,2026-03-10,yes,2026-03-01',
      'Other practice,2026-03-10,yes,2026-03-11',
    ].join('\n');
    const preview = await call<{
      validRows: number;
      errors: { line: number; field: string | null; message: string }[];
    }>('contributions.importPreview', { forumId, csv });
    expect(preview.validRows).toBe(1);
    expect(preview.errors).toEqual([
      {
        line: 2,
        field: 'consentGivenOn',
        message:
          'Consent given on: The consent date cannot be before the date the contribution was received.',
      },
    ]);
  });
});

describe('participant names through dispatch', () => {
  it('refuses a zero-width name and stores one without its RLO', async () => {
    const bad = await attempt('participants.create', {
      forumId,
      fullName: '\u200b\u200d\u2060',
      stakeholderGroup: 'academia',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', field: 'fullName' } });
    const p = await call<Participant>('participants.create', {
      forumId,
      fullName: 'Amira \u202eHaddad',
      organisation: '\u2067Acme\u2069',
      stakeholderGroup: 'academia',
    });
    expect(p.fullName).toBe('Amira Haddad');
    expect(p.organisation).toBe('Acme');
  });
});
