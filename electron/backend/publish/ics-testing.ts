/**
 * Test helpers for calendar files: expansion with ical.js and with Python icalendar +
 * recurring_ical_events (an independent reader), and the checks neither does.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { expect } from 'vitest';

/** Every occurrence start (UTC ms) a calendar holds, per UID, as a calendar app would expand it. */
export function expandCalendar(ics: string): Map<string, number[]> {
  const root = new ICAL.Component(ICAL.parse(ics));
  const events = root.getAllSubcomponents('vevent');
  const out = new Map<string, number[]>();
  const masters = events.filter((e) => !e.hasProperty('recurrence-id'));
  for (const master of masters) {
    const uid = String(master.getFirstPropertyValue('uid'));
    const exceptions = events.filter(
      (e) => e.hasProperty('recurrence-id') && String(e.getFirstPropertyValue('uid')) === uid,
    );
    const event = new ICAL.Event(master, { exceptions });
    const starts: number[] = [];
    if (event.isRecurring()) {
      const it = event.iterator();
      for (let t = it.next(); t && starts.length < 1000; t = it.next())
        starts.push(event.getOccurrenceDetails(t).startDate.toJSDate().getTime());
    } else starts.push(event.startDate.toJSDate().getTime());
    out.set(uid, [...(out.get(uid) ?? []), ...starts]);
  }
  // A file holding one occurrence of a series (RECURRENCE-ID, no master): its own start.
  const masterUids = new Set(masters.map((m) => String(m.getFirstPropertyValue('uid'))));
  for (const e of events.filter((x) => x.hasProperty('recurrence-id'))) {
    const uid = String(e.getFirstPropertyValue('uid'));
    if (masterUids.has(uid)) continue;
    const start = new ICAL.Event(e).startDate.toJSDate().getTime();
    out.set(uid, [...(out.get(uid) ?? []), start]);
  }
  return out;
}

/** Checks ical.js leaves to us. */
export function expectWellFormedIcs(ics: string): void {
  expect(ics.endsWith('\r\n')).toBe(true);
  expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const physical = ics.slice(0, -2).split('\r\n');
  for (const l of physical) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  const events = lines.filter((l) => l === 'BEGIN:VEVENT').length;
  expect(lines.filter((l) => /^UID:\S+$/.test(l))).toHaveLength(events);
  expect(lines.filter((l) => /^DTSTAMP:\d{8}T\d{6}Z$/.test(l))).toHaveLength(events);
  expect(lines.filter((l) => /^SEQUENCE:\d+$/.test(l))).toHaveLength(events);
  const referenced = new Set(
    [...ics.replace(/\r\n[ \t]/g, '').matchAll(/;TZID=([^:;]+)/g)].map((m) => m[1]),
  );
  const defined = new Set(lines.filter((l) => l.startsWith('TZID:')).map((l) => l.slice(5)));
  for (const tz of referenced) expect(defined, `VTIMEZONE for ${tz}`).toContain(tz);
  for (const l of lines.filter((x) => x.startsWith('RRULE:'))) {
    expect(l).toMatch(/FREQ=WEEKLY/);
    expect(l).toMatch(/INTERVAL=\d+/);
    const until = /UNTIL=([^;]+)/.exec(l)?.[1];
    if (until) expect(until).toMatch(/^\d{8}T\d{6}Z$/);
  }
}

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** Why the Python reader cannot run here, or null when it can. */
export function pythonReaderMissing(): string | null {
  const r = spawnSync(PYTHON, ['-c', 'import icalendar, recurring_ical_events'], {
    encoding: 'utf8',
  });
  return r.status === 0
    ? null
    : 'python3-icalendar and python3-recurring-ical-events are not installed';
}

export interface PythonOccurrence {
  start: number;
  end: number;
  status: string;
}

/** Every occurrence per UID as Python icalendar + recurring_ical_events expand it. */
export function expandWithPython(ics: string): Map<string, PythonOccurrence[]> {
  const script = join(__dirname, '../../../scripts/ics-read.py');
  const r = spawnSync(PYTHON, [script], { input: ics, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ics-read.py failed: ${r.stderr}`);
  const raw = JSON.parse(r.stdout) as Record<string, [number, number, string][]>;
  return new Map(
    Object.entries(raw).map(([uid, list]) => [
      uid,
      list.map(([start, end, status]) => ({ start, end, status })),
    ]),
  );
}

/** Each event's VALARM reminders (minutes before the start) as Python icalendar reads them. */
export function alarmsWithPython(ics: string): Record<string, number[]> {
  const script = join(__dirname, '../../../scripts/ics-read.py');
  const r = spawnSync(PYTHON, [script, '--alarms'], { input: ics, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ics-read.py failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, number[]>;
}
