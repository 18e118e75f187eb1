/** Closed vocabularies of the field (see ../shared/DOMAIN.md). Values are stored; labels are shown. */

export const STAKEHOLDER_GROUPS = [
  'government',
  'private_sector',
  'civil_society',
  'technical_community',
  'academia',
  'intergovernmental',
  'individual_other',
] as const;
export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number];
export const STAKEHOLDER_GROUP_LABELS: Record<StakeholderGroup, string> = {
  government: 'Government',
  private_sector: 'Private sector',
  civil_society: 'Civil society',
  technical_community: 'Technical community',
  academia: 'Academia',
  intergovernmental: 'Intergovernmental organisation',
  individual_other: 'Individual / other',
};

export const FORUM_ROLES = [
  'coordinator',
  'rapporteur',
  'mag_liaison',
  'member',
  'observer',
] as const;
export type ForumRole = (typeof FORUM_ROLES)[number];
export const FORUM_ROLE_LABELS: Record<ForumRole, string> = {
  coordinator: 'Coordinator',
  rapporteur: 'Rapporteur',
  mag_liaison: 'MAG liaison',
  member: 'Member',
  observer: 'Observer',
};

export const GENDERS = [
  'woman',
  'man',
  'non_binary',
  'prefer_not_to_say',
  'self_described',
] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = {
  woman: 'Woman',
  man: 'Man',
  non_binary: 'Non-binary',
  prefer_not_to_say: 'Prefer not to say',
  self_described: 'Self-described',
};

export const MILESTONE_KINDS = [
  'kick_off',
  'call_for_input',
  'nri_season',
  'first_draft',
  'comment_round',
  'igf_session',
  'final_report',
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];
export const MILESTONE_LABELS: Record<MilestoneKind, string> = {
  kick_off: 'Kick-off',
  call_for_input: 'Call for input',
  nri_season: 'NRI season',
  first_draft: 'First draft',
  comment_round: 'Comment round',
  igf_session: 'IGF annual meeting session',
  final_report: 'Final report',
};

/** Who an output is for; decides what the redaction policy removes. */
export const AUDIENCES = ['public', 'participants', 'coordinators'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const AUDIENCE_LABELS: Record<Audience, string> = {
  public: 'Public',
  participants: 'Participants',
  coordinators: 'Coordinators',
};
