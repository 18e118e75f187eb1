import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AttendanceReportError,
  nameVariants,
  parseDuration,
  readAttendanceReport,
} from '../../../shared/domain/attendanceReport';

const fixture = (f: string) =>
  readFileSync(join(__dirname, '../../../e2e/fixtures/attendance', f), 'utf8');

describe('readAttendanceReport', () => {
  it.each([
    ['zoom.csv', 'zoom', 67],
    ['teams.csv', 'teams', 65],
    ['webex.csv', 'webex', 66],
    ['meet.csv', 'meet', 64],
  ] as const)('detects %s as %s and reads each attendee once', (file, format, joseMinutes) => {
    const r = readAttendanceReport(fixture(file));
    expect(r.format).toBe(format);
    expect(r.attendees).toHaveLength(3);
    const amina = r.attendees.find((a) => a.email === 'amina.diallo@example.org');
    expect(amina?.minutes).toBeGreaterThanOrEqual(89);
    const jose = r.attendees.find((a) => a.email === null);
    // Zoom lists a re-join as a second row: the minutes are summed.
    expect(jose?.minutes).toBe(joseMinutes);
    expect(r.attendees.find((a) => a.email === 'visitor@example.net')?.minutes).toBe(5);
  });

  it('stops at the Teams report section after the participants', () => {
    const r = readAttendanceReport(fixture('teams.csv'));
    // The in-meeting activities table repeats Amina; she is not counted twice.
    expect(r.attendees.find((a) => a.name === 'Amina Diallo')?.minutes).toBe(89.9);
  });

  it('refuses a file that is no participant report, with a sentence', () => {
    expect(() => readAttendanceReport('a,b,c\n1,2,3\n')).toThrow(AttendanceReportError);
    expect(() => readAttendanceReport('a,b,c\n1,2,3\n')).toThrow(/^This file is not/);
  });

  it('never throws anything but its own error on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        try {
          const r = readAttendanceReport(`Full Name\tJoin Time\tDuration\tRole\n${s}`);
          for (const a of r.attendees) expect(a.minutes === null || a.minutes >= 0).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(AttendanceReportError);
        }
      }),
    );
  });
});

describe('parseDuration', () => {
  it.each([
    ['90', 90],
    ['1h 5m 30s', 65.5],
    ['1 hr 5 min', 65],
    ['01:05:00', 65],
    ['45m 12s', 45.2],
    ['', null],
    ['soon', null],
    ['5m later', null],
  ])('reads %j as %j minutes', (raw, minutes) => {
    const got = parseDuration(raw);
    if (minutes === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(minutes, 5);
  });

  it('reads any h/m/s combination as its total', () => {
    fc.assert(
      fc.property(fc.nat(20), fc.nat(59), fc.nat(59), (h, m, s) => {
        expect(parseDuration(`${h}h ${m}m ${s}s`)).toBeCloseTo(h * 60 + m + s / 60, 6);
      }),
    );
  });
});

it('nameVariants tries a renamed Zoom attendee under both names', () => {
  expect(nameVariants('José Ramírez (Jose R)')).toEqual([
    'José Ramírez (Jose R)',
    'José Ramírez',
    'Jose R',
  ]);
  expect(nameVariants('Plain Name')).toEqual(['Plain Name']);
});
