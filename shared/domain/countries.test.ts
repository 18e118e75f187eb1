import { describe, it, expect } from 'vitest';
import {
  COUNTRIES,
  DEVELOPMENT_STATUSES,
  DEVELOPMENT_STATUS_LABELS,
  REGIONS,
  REGION_LABELS,
  countryByCode,
  developmentStatusOf,
  regionOf,
  suggestedTimeZone,
} from './countries';

describe('COUNTRIES', () => {
  it('has the 249 ISO 3166-1 alpha-2 codes, each once', () => {
    expect(COUNTRIES).toHaveLength(249);
    const codes = new Set(COUNTRIES.map((c) => c.code));
    expect(codes.size).toBe(249);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it('is sorted by name and names are unique', () => {
    const names = COUNTRIES.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    const sorted = [...names].sort(new Intl.Collator('en').compare);
    expect(names).toEqual(sorted);
  });

  it('gives every country a known region', () => {
    for (const c of COUNTRIES) expect(REGIONS).toContain(c.region);
    for (const r of REGIONS) expect(COUNTRIES.some((c) => c.region === r)).toBe(true);
  });

  it('uses time zones that Intl.DateTimeFormat accepts', () => {
    for (const c of COUNTRIES) {
      expect(new Set(c.timeZones).size).toBe(c.timeZones.length);
      for (const timeZone of c.timeZones) {
        expect(
          () => new Intl.DateTimeFormat('en', { timeZone }),
          `${c.code} ${timeZone}`,
        ).not.toThrow();
      }
    }
  });

  it('gives every inhabited area a time zone', () => {
    const without = COUNTRIES.filter((c) => c.timeZones.length === 0).map((c) => c.code);
    expect(without.sort()).toEqual(['BV', 'HM']);
  });

  it('matches the list sizes of its sources', () => {
    expect(COUNTRIES.filter((c) => c.ldc)).toHaveLength(44);
    expect(COUNTRIES.filter((c) => c.lldc)).toHaveLength(32);
    expect(COUNTRIES.filter((c) => c.sids)).toHaveLength(58);
  });

  it('marks graduated LDCs as no longer LDC', () => {
    expect(countryByCode('BT')?.ldc).toBe(false);
    expect(countryByCode('ST')?.ldc).toBe(false);
    expect(countryByCode('VU')?.ldc).toBe(false);
    expect(developmentStatusOf('BT')).toBe('lldc');
    expect(developmentStatusOf('ST')).toBe('sids');
  });
});

describe('spot checks', () => {
  it('Brazil is a developing country of Latin America and the Caribbean', () => {
    expect(regionOf('BR')).toBe('latin_america_caribbean');
    expect(countryByCode('BR')?.subRegion).toBe('Latin America and the Caribbean');
    expect(countryByCode('BR')?.intermediateRegion).toBe('South America');
    expect(developmentStatusOf('BR')).toBe('developing');
  });

  it('the United States and Canada are developed Northern America', () => {
    for (const code of ['US', 'CA']) {
      expect(regionOf(code)).toBe('northern_america');
      expect(countryByCode(code)?.developed).toBe(true);
      expect(developmentStatusOf(code)).toBe('developed');
    }
    expect(regionOf('MX')).toBe('latin_america_caribbean');
  });

  it('Nepal is LDC and LLDC and counts as ldc', () => {
    const np = countryByCode('NP');
    expect(np?.ldc).toBe(true);
    expect(np?.lldc).toBe(true);
    expect(developmentStatusOf('NP')).toBe('ldc');
  });

  it('Haiti is LDC and SIDS and counts as ldc', () => {
    expect(countryByCode('HT')?.sids).toBe(true);
    expect(developmentStatusOf('HT')).toBe('ldc');
  });

  it('Mongolia is an LLDC', () => {
    expect(countryByCode('MN')?.ldc).toBe(false);
    expect(developmentStatusOf('MN')).toBe('lldc');
  });

  it('Fiji is a SIDS in Melanesia', () => {
    expect(developmentStatusOf('FJ')).toBe('sids');
    expect(regionOf('FJ')).toBe('oceania');
    expect(countryByCode('FJ')?.subRegion).toBe('Melanesia');
  });

  it('Japan is developed Asia; Israel and Korea follow the regional convention', () => {
    expect(regionOf('JP')).toBe('asia');
    expect(developmentStatusOf('JP')).toBe('developed');
    expect(developmentStatusOf('IL')).toBe('developing');
    expect(developmentStatusOf('KR')).toBe('developing');
  });

  it('Germany is developed Western Europe', () => {
    expect(regionOf('DE')).toBe('europe');
    expect(countryByCode('DE')?.subRegion).toBe('Western Europe');
    expect(developmentStatusOf('DE')).toBe('developed');
  });

  it('Nigeria is Sub-Saharan Africa', () => {
    expect(regionOf('NG')).toBe('africa');
    expect(countryByCode('NG')?.subRegion).toBe('Sub-Saharan Africa');
    expect(countryByCode('NG')?.intermediateRegion).toBe('Western Africa');
    expect(regionOf('EG')).toBe('africa');
    expect(countryByCode('EG')?.subRegion).toBe('Northern Africa');
  });

  it('Australia is developed Oceania', () => {
    expect(regionOf('AU')).toBe('oceania');
    expect(developmentStatusOf('AU')).toBe('developed');
  });

  it('Antarctica is placed in Oceania (documented choice)', () => {
    expect(regionOf('AQ')).toBe('oceania');
    expect(suggestedTimeZone('AQ')).toBe('Antarctica/McMurdo');
  });
});

describe('lookups', () => {
  it('are case-insensitive', () => {
    expect(countryByCode('br')).toBe(countryByCode('BR'));
    expect(countryByCode('Br')?.name).toBe('Brazil');
    expect(regionOf('ng')).toBe('africa');
    expect(developmentStatusOf('np')).toBe('ldc');
  });

  it('answer undefined for unknown codes', () => {
    expect(countryByCode('XX')).toBeUndefined();
    expect(countryByCode('')).toBeUndefined();
    expect(regionOf('ZZ')).toBeUndefined();
    expect(developmentStatusOf('ZZ')).toBeUndefined();
    expect(suggestedTimeZone('ZZ')).toBeUndefined();
  });

  it('suggest the most populous zone', () => {
    expect(suggestedTimeZone('BR')).toBe('America/Sao_Paulo');
    expect(suggestedTimeZone('US')).toBe('America/New_York');
    expect(suggestedTimeZone('IN')).toBe('Asia/Kolkata');
    expect(suggestedTimeZone('UA')).toBe('Europe/Kyiv');
    expect(suggestedTimeZone('RU')).toBe('Europe/Moscow');
    expect(suggestedTimeZone('AU')).toBe('Australia/Sydney');
    expect(suggestedTimeZone('CN')).toBe('Asia/Shanghai');
    expect(suggestedTimeZone('BV')).toBeUndefined();
  });

  it('label every region and status', () => {
    for (const r of REGIONS) expect(REGION_LABELS[r]).toBeTruthy();
    for (const s of DEVELOPMENT_STATUSES) expect(DEVELOPMENT_STATUS_LABELS[s]).toBeTruthy();
  });
});
