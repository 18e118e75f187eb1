import {
  ATTRIBUTIONS,
  ATTRIBUTION_LABELS,
  CONSENT_METHODS,
  CONSENT_METHOD_LABELS,
  CONTRIBUTION_KINDS,
  CONTRIBUTION_KIND_LABELS,
  CONTRIBUTION_SOURCES,
  CONTRIBUTION_SOURCE_LABELS,
  CONTRIBUTION_STATUSES,
  CONTRIBUTION_STATUS_LABELS,
} from '../../../../shared/domain/contributions';
import { REGIONS, REGION_LABELS } from '../../../../shared/domain/countries';
import { STAKEHOLDER_GROUPS, STAKEHOLDER_GROUP_LABELS } from '../../../../shared/domain/vocabulary';

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((k) => ({ value: k, label: labels[k] }));

export const ANY = { value: '', label: 'Any' };
export const KIND_OPTIONS = options(CONTRIBUTION_KINDS, CONTRIBUTION_KIND_LABELS);
export const SOURCE_OPTIONS = options(CONTRIBUTION_SOURCES, CONTRIBUTION_SOURCE_LABELS);
export const STATUS_OPTIONS = options(CONTRIBUTION_STATUSES, CONTRIBUTION_STATUS_LABELS);
export const ATTRIBUTION_OPTIONS = options(ATTRIBUTIONS, ATTRIBUTION_LABELS);
export const CONSENT_METHOD_OPTIONS = options(CONSENT_METHODS, CONSENT_METHOD_LABELS);
export const REGION_OPTIONS = options(REGIONS, REGION_LABELS);
export const GROUP_OPTIONS = options(STAKEHOLDER_GROUPS, STAKEHOLDER_GROUP_LABELS);
