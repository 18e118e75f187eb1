/**
 * Search for the time-zone picker: by IANA name, city (the zone's last part), country or
 * capital through a small alias table (Geneva -> Europe/Zurich: Intl has no city or country
 * data), and by UTC offset ("+1", "UTC+01:00", "GMT-5"). Folded like the participant search.
 */
import { fold } from './fold';
import { zoneOffsetMinutes } from './zones';

/** Cities and countries people type that are not in the zone's name. */
export const ZONE_ALIASES: Record<string, string[]> = {
  'Europe/Zurich': ['Geneva', 'Bern', 'Lausanne', 'Switzerland'],
  'Europe/Paris': ['France', 'Lyon', 'Strasbourg'],
  'Europe/Berlin': ['Germany', 'Bonn', 'Munich', 'Frankfurt'],
  'Europe/Amsterdam': ['Netherlands', 'The Hague'],
  'Europe/London': ['United Kingdom', 'UK', 'England', 'Scotland', 'Wales', 'Edinburgh'],
  'Europe/Brussels': ['Belgium'],
  'Europe/Madrid': ['Spain', 'Barcelona'],
  'Europe/Rome': ['Italy', 'Milan'],
  'Europe/Warsaw': ['Poland'],
  'Europe/Kyiv': ['Ukraine', 'Kiev'],
  'Europe/Istanbul': ['Turkey', 'Türkiye', 'Ankara'],
  'America/New_York': ['Washington', 'Boston', 'United States', 'USA', 'Eastern'],
  'America/Chicago': ['Central', 'Dallas', 'Houston'],
  'America/Denver': ['Mountain'],
  'America/Los_Angeles': ['San Francisco', 'Seattle', 'Pacific', 'California'],
  'America/Toronto': ['Ottawa', 'Montreal', 'Canada'],
  'America/Mexico_City': ['Mexico'],
  'America/Sao_Paulo': ['Brasília', 'Rio de Janeiro', 'Brazil'],
  'America/Argentina/Buenos_Aires': ['Argentina'],
  'America/Bogota': ['Colombia'],
  'America/Santiago': ['Chile'],
  'America/Lima': ['Peru'],
  'Africa/Lagos': ['Abuja', 'Nigeria'],
  'Africa/Nairobi': ['Kenya'],
  'Africa/Addis_Ababa': ['Ethiopia'],
  'Africa/Johannesburg': ['Pretoria', 'Cape Town', 'South Africa'],
  'Africa/Cairo': ['Egypt'],
  'Africa/Accra': ['Ghana'],
  'Africa/Dakar': ['Senegal'],
  'Africa/Kigali': ['Rwanda'],
  'Asia/Kolkata': ['Delhi', 'New Delhi', 'Mumbai', 'Bangalore', 'Bengaluru', 'Chennai', 'India'],
  'Asia/Shanghai': ['Beijing', 'China'],
  'Asia/Tokyo': ['Japan', 'Osaka'],
  'Asia/Seoul': ['Korea', 'South Korea'],
  'Asia/Karachi': ['Islamabad', 'Lahore', 'Pakistan'],
  'Asia/Dhaka': ['Bangladesh'],
  'Asia/Jakarta': ['Indonesia'],
  'Asia/Manila': ['Philippines'],
  'Asia/Ho_Chi_Minh': ['Hanoi', 'Vietnam', 'Saigon'],
  'Asia/Riyadh': ['Saudi Arabia'],
  'Asia/Dubai': ['Abu Dhabi', 'United Arab Emirates', 'UAE'],
  'Asia/Kathmandu': ['Nepal'],
  'Asia/Singapore': ['Singapore'],
  'Australia/Sydney': ['Canberra', 'Australia'],
  'Pacific/Auckland': ['Wellington', 'New Zealand'],
  'Pacific/Fiji': ['Suva', 'Fiji'],
};

/** ICU (and so Intl.supportedValuesOf) still lists some zones under their old names. */
const LEGACY: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Europe/Kiev': 'Europe/Kyiv',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
};

/** "UTC+01:00", "UTC-03:30", "UTC" for the offset at `at`. */
export function offsetLabel(zone: string, at: number): string {
  const m = zoneOffsetMinutes(zone, at);
  if (m === 0) return 'UTC';
  const a = Math.abs(m);
  const hh = String(Math.floor(a / 60)).padStart(2, '0');
  const mm = String(a % 60).padStart(2, '0');
  return `UTC${m < 0 ? '-' : '+'}${hh}:${mm}`;
}

export interface ZoneOption {
  value: string;
  label: string;
  /** Folded text the query is matched against. */
  search: string;
  offsetMinutes: number;
}

const cityOf = (zone: string) => (zone.split('/').at(-1) ?? zone).replace(/_/g, ' ');

export function zoneOptions(zones: readonly string[], at: number): ZoneOption[] {
  return zones.map((z) => {
    const modern = LEGACY[z];
    const aliases = [
      ...(ZONE_ALIASES[z] ?? []),
      ...(modern ? [cityOf(modern), ...(ZONE_ALIASES[modern] ?? [])] : []),
    ];
    const offset = offsetLabel(z, at);
    const extra = aliases.length ? ` · ${aliases.slice(0, 3).join(', ')}` : '';
    return {
      value: z,
      label: `${z.replace(/_/g, ' ')} (${offset})${extra}`,
      search: fold([z.replace(/[_/]/g, ' '), cityOf(z), ...aliases].join(' ')),
      offsetMinutes: zoneOffsetMinutes(z, at),
    };
  });
}

/** An offset query ("+1", "utc+5:30", "gmt-3") in minutes, or null when it is not one. */
export function offsetQuery(q: string): number | null {
  const m = /^(?:utc|gmt)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(q.trim());
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/** The options matching `query`: every word in the search text, or the same UTC offset. */
export function filterZones(options: readonly ZoneOption[], query: string): ZoneOption[] {
  const q = fold(query);
  if (!q) return [...options];
  const offset = offsetQuery(q);
  if (offset !== null) return options.filter((o) => o.offsetMinutes === offset);
  if (q === 'utc' || q === 'gmt') return options.filter((o) => o.offsetMinutes === 0);
  const words = q.split(' ');
  return options.filter((o) => words.every((w) => o.search.includes(w)));
}
