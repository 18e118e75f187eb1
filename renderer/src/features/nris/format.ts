import type { SessionStatus } from '../../../../shared/domain/nris';
/* Formatting helpers of the NRIs area: venue times, zone lists, country options. */
import { COUNTRIES, countryByCode, REGION_LABELS } from '../../../../shared/domain/countries';
import { utcOffsetLabel } from '../../../../shared/domain/nris';
import type { Nri } from '../../../../shared/api';

/** Every IANA zone the browser knows, plus any extra ones (e.g. a stored zone under another alias). */
export function zoneOptions(...extra: (string | null | undefined)[]): string[] {
  const zones = new Set<string>(['UTC', ...Intl.supportedValuesOf('timeZone')]);
  for (const z of extra) if (z) zones.add(z);
  return [...zones].sort((a, b) => a.localeCompare(b));
}

export const COUNTRY_OPTIONS = [
  { value: '', label: '—' },
  ...COUNTRIES.map((c) => ({ value: c.code, label: c.name })),
];

/** A country whose zones include `zone` (for prefilling "Venue country" when editing). */
export function countryOfZone(zone: string): string {
  return COUNTRIES.find((c) => c.timeZones.includes(zone))?.code ?? '';
}

/** Where an NRI is: its country, or its region. */
export function placeOf(n: Pick<Nri, 'country' | 'region'>): string {
  if (n.country) return countryByCode(n.country)?.name ?? n.country;
  return n.region ? REGION_LABELS[n.region] : '—';
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "Wed 5 Aug 2026, 10:00" on the clock of `zone` (the venue's or UTC). */
export function formatInZone(ms: number, zone: string): string {
  let f = dateFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateFormats.set(zone, f);
  }
  return f.format(new Date(ms));
}

/** "Wed 5 Aug 2026, 10:00 America/Sao_Paulo (UTC−03:00)" */
export function venueWhen(ms: number, zone: string): string {
  return `${formatInZone(ms, zone)} ${zone} (${utcOffsetLabel(ms, zone)})`;
}

/** Badge colours of a session's status (the list and the session's page agree). */
export const STATUS_COLORS: Record<SessionStatus, string> = {
  scheduled: 'blue',
  held: 'green',
  cancelled: 'gray',
};
