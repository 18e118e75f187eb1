import { formatInZone, zoneLabel } from '../../../../shared/domain/zones';

/** The user's own zone (the browser's), used only to show times: never to compute plans. */
export function userZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

let zoneList: string[] | undefined;
/** Every IANA zone the runtime knows, UTC first. */
export function allZones(): string[] {
  zoneList ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
  return zoneList;
}

export const inUtc = (ms: number) => `${formatInZone('UTC', ms)} UTC`;
export const inZone = (ms: number, zone: string) =>
  `${formatInZone(zone, ms)} ${zoneLabel(zone, ms)}`;
export const inUserZone = (ms: number) => inZone(ms, userZone());
