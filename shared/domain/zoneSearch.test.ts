import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterZones, offsetQuery, zoneOptions } from './zoneSearch';

const at = Date.UTC(2026, 0, 15);
const options = zoneOptions(Intl.supportedValuesOf('timeZone'), at);
const found = (q: string) => filterZones(options, q).map((o) => o.value);
// ICU lists India's zone as Asia/Calcutta or Asia/Kolkata depending on its version.
const kolkata = options.find(
  (o) => o.value === 'Asia/Kolkata' || o.value === 'Asia/Calcutta',
)!.value;

describe('the time-zone search', () => {
  it('finds a zone by a city that is not in its name (Geneva -> Europe/Zurich)', () => {
    expect(found('Geneva')).toEqual(['Europe/Zurich']);
    expect(found('genève')).toEqual([]);
    expect(found('geneva')).toContain('Europe/Zurich');
  });
  it('finds by country, by city in the name, accent- and case-insensitively', () => {
    expect(found('india')).toContain(kolkata);
    expect(found('BRASILIA')).toContain('America/Sao_Paulo');
    expect(found('new york')).toContain('America/New_York');
  });
  it('finds by offset', () => {
    expect(found('+5:30')).toContain(kolkata);
    expect(found('UTC+01:00')).toContain('Europe/Zurich');
    expect(found('gmt-3')).toContain('America/Sao_Paulo');
    expect(found('+5:30')).not.toContain('Europe/Zurich');
  });
  it('never throws and only narrows on any query', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (q) => {
        const r = filterZones(options, q);
        expect(r.length).toBeLessThanOrEqual(options.length);
      }),
    );
  });
  it('reads offsets and refuses what is not one', () => {
    expect(offsetQuery('+1')).toBe(60);
    expect(offsetQuery('utc-03:30')).toBe(-210);
    expect(offsetQuery('Paris')).toBeNull();
  });
});
