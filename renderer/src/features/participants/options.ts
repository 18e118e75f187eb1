import { COUNTRIES } from '../../../../shared/domain/countries';
import {
  FORUM_ROLES,
  FORUM_ROLE_LABELS,
  GENDERS,
  GENDER_LABELS,
  STAKEHOLDER_GROUPS,
  STAKEHOLDER_GROUP_LABELS,
} from '../../../../shared/domain/vocabulary';

export const stakeholderOptions = STAKEHOLDER_GROUPS.map((g) => ({
  value: g,
  label: STAKEHOLDER_GROUP_LABELS[g],
}));
export const roleOptions = FORUM_ROLES.map((r) => ({ value: r, label: FORUM_ROLE_LABELS[r] }));
export const genderOptions = GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] }));
export const countryOptions = COUNTRIES.map((c) => ({ value: c.code, label: c.name }));

let zones: string[] | undefined;
/** Every IANA zone the runtime knows plus the ones our country table suggests, sorted. */
export function timeZoneOptions(): string[] {
  zones ??= [
    ...new Set([
      'UTC',
      ...Intl.supportedValuesOf('timeZone'),
      ...COUNTRIES.flatMap((c) => c.timeZones),
    ]),
  ].sort();
  return zones;
}
