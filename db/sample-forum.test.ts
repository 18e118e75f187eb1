import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { REGIONS, countryByCode } from '../shared/domain/countries';
import {
  FORUM_ROLES,
  GENDERS,
  MILESTONE_KINDS,
  STAKEHOLDER_GROUPS,
} from '../shared/domain/vocabulary';

interface SampleParticipant {
  fullName: string;
  preferredName: string | null;
  email: string | null;
  organisation: string | null;
  stakeholderGroup: string;
  country: string;
  gender: string | null;
  genderSelfDescribed: string | null;
  languages: string[];
  timeZone: string;
  aliases: string[];
  handles: string[];
  consentListed: boolean;
  consentInvitations: boolean;
  role: string;
  notes: string | null;
}

interface SampleForum {
  forum: {
    title: string;
    topic: string;
    year: number;
    mandate: string;
    milestones: { kind: string; date: string; label: string }[];
  };
  participants: SampleParticipant[];
}

const data = JSON.parse(
  readFileSync(new URL('../resources/sample-forum.json', import.meta.url), 'utf8'),
) as SampleForum;
const people = data.participants;

const count = (pred: (p: SampleParticipant) => boolean) => people.filter(pred).length;

/** RFC 2606 / RFC 6761 reserved second-level domains and the .example TLD. */
const RESERVED_DOMAIN = /@([a-z0-9-]+\.)*(example\.(org|net|com)|[a-z0-9-]+\.example)$/;

describe('sample forum', () => {
  it('describes the forum and its 2026 timeline', () => {
    expect(data.forum.title).toBe('BPF Gender and Access (sample)');
    expect(data.forum.year).toBe(2026);
    expect(data.forum.topic.length).toBeGreaterThan(0);
    expect(data.forum.mandate.split('\n\n').length).toBeGreaterThanOrEqual(2);

    const { milestones } = data.forum;
    const kinds = new Set(milestones.map((m) => m.kind));
    expect([...kinds].sort()).toEqual([...MILESTONE_KINDS].sort());
    for (const m of milestones) {
      expect(m.date).toMatch(/^2026-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(m.date))).toBe(false);
      expect(m.label.length).toBeGreaterThan(0);
    }
    const dates = milestones.map((m) => m.date);
    expect(dates).toEqual([...dates].sort());
    expect(milestones.filter((m) => m.kind !== 'comment_round')).toHaveLength(
      MILESTONE_KINDS.length - 1,
    );
  });

  it('has about 60 participants with unique names', () => {
    expect(people.length).toBeGreaterThanOrEqual(55);
    expect(people.length).toBeLessThanOrEqual(65);
    expect(new Set(people.map((p) => p.fullName)).size).toBe(people.length);
  });

  it('uses only the closed vocabularies', () => {
    for (const p of people) {
      expect(STAKEHOLDER_GROUPS).toContain(p.stakeholderGroup);
      expect(FORUM_ROLES).toContain(p.role);
      if (p.gender !== null) expect(GENDERS).toContain(p.gender);
      expect(p.genderSelfDescribed !== null).toBe(p.gender === 'self_described');
      expect(typeof p.consentListed).toBe('boolean');
      expect(typeof p.consentInvitations).toBe('boolean');
    }
  });

  it('covers every stakeholder group and every region', () => {
    for (const g of STAKEHOLDER_GROUPS) {
      expect(
        count((p) => p.stakeholderGroup === g),
        g,
      ).toBeGreaterThan(0);
    }
    for (const r of REGIONS) {
      expect(
        count((p) => countryByCode(p.country)?.region === r),
        r,
      ).toBeGreaterThan(0);
    }
    expect(count((p) => countryByCode(p.country)?.ldc === true)).toBeGreaterThan(0);
    expect(count((p) => countryByCode(p.country)?.sids === true)).toBeGreaterThan(0);
  });

  it('seeds the deliberate imbalance', () => {
    const share = count((p) => p.stakeholderGroup === 'private_sector') / people.length;
    expect(share).toBeGreaterThanOrEqual(0.3);
    expect(share).toBeLessThanOrEqual(0.4);
    const igo = count((p) => p.stakeholderGroup === 'intergovernmental');
    expect(igo).toBeGreaterThanOrEqual(2);
    expect(igo).toBeLessThanOrEqual(3);
  });

  it('gives known countries and time zones that belong to them', () => {
    for (const p of people) {
      const country = countryByCode(p.country);
      expect(country, p.country).toBeDefined();
      expect(p.country).toBe(country?.code);
      expect(country?.timeZones, `${p.fullName} ${p.timeZone}`).toContain(p.timeZone);
      expect(() => new Intl.DateTimeFormat('en', { timeZone: p.timeZone })).not.toThrow();
    }
  });

  it('uses well-formed BCP 47 language tags', () => {
    for (const p of people) {
      expect(p.languages.length).toBeGreaterThan(0);
      for (const tag of p.languages) expect(Intl.getCanonicalLocales(tag)).toEqual([tag]);
    }
  });

  it('uses unique e-mail addresses on reserved domains only', () => {
    const emails = people.flatMap((p) => (p.email === null ? [] : [p.email]));
    expect(new Set(emails.map((e) => e.toLowerCase())).size).toBe(emails.length);
    for (const e of emails) expect(e).toMatch(RESERVED_DOMAIN);
  });

  it('has the expected roles', () => {
    expect(count((p) => p.role === 'coordinator')).toBe(2);
    expect(count((p) => p.role === 'rapporteur')).toBe(1);
    expect(count((p) => p.role === 'mag_liaison')).toBe(1);
    const observers = count((p) => p.role === 'observer');
    expect(observers).toBeGreaterThanOrEqual(3);
    expect(observers).toBeLessThanOrEqual(5);
    expect(count((p) => p.role === 'member')).toBe(people.length - 4 - observers);
  });

  it('mixes genders, consent flags, handles and aliases', () => {
    for (const g of GENDERS)
      expect(
        count((p) => p.gender === g),
        g,
      ).toBeGreaterThan(0);
    expect(count((p) => p.gender === null)).toBeGreaterThan(0);
    expect(count((p) => !p.consentListed)).toBeGreaterThan(0);
    expect(count((p) => !p.consentInvitations)).toBeGreaterThan(0);
    expect(count((p) => p.consentListed && p.consentInvitations)).toBeGreaterThan(
      people.length / 2,
    );
    expect(count((p) => p.handles.length > 0)).toBeGreaterThanOrEqual(people.length / 4);
    for (const p of people) for (const h of p.handles) expect(h).toMatch(/^@[\w.]+$/);
    expect(count((p) => p.aliases.length > 0)).toBeGreaterThan(5);
  });
});
