/**
 * The contract between the UI and the backend. Every method takes ONE object (validated by its zod
 * schema in shared/schemas) and returns a DTO. Both shells serve exactly this.
 */
import type { Region, DevelopmentStatus } from './domain/countries';
import type {
  ForumRole,
  Gender,
  MilestoneKind,
  StakeholderGroup,
} from './domain/vocabulary';
import type { MethodInput, MethodName } from './schemas';

export type { MethodName, MethodInput } from './schemas';

export interface MethodDescription {
  name: string;
  /** JSON Schema (draft 2020-12) of the method's input. */
  input: unknown;
}

export interface SystemInfo {
  version: string;
  shell: 'electron' | 'browser' | 'test';
  dbFile: string;
}

export interface Milestone {
  id: string;
  kind: MilestoneKind;
  label: string;
  date: string;
}

export interface ForumSummary {
  id: string;
  title: string;
  topic: string;
  year: number;
}

export interface Forum extends ForumSummary {
  mandate: string;
  milestones: Milestone[];
  participantCount: number;
  createdAt: number;
  updatedAt: number;
}

export interface Participant {
  id: string;
  forumId: string;
  fullName: string;
  preferredName: string | null;
  email: string | null;
  organisation: string | null;
  stakeholderGroup: StakeholderGroup;
  country: string | null;
  region: Region | null;
  developmentStatus: DevelopmentStatus | null;
  gender: Gender | null;
  genderSelfDescribed: string | null;
  languages: string[];
  timeZone: string | null;
  aliases: string[];
  handles: string[];
  consentListed: boolean;
  consentInvitations: boolean;
  role: ForumRole;
  notes: string | null;
  isProtected: boolean;
  pseudonym: string | null;
  createdAt: number;
  updatedAt: number;
}

/** One row of the participant list: what the table shows. */
export type ParticipantRow = Pick<
  Participant,
  | 'id'
  | 'fullName'
  | 'preferredName'
  | 'email'
  | 'organisation'
  | 'stakeholderGroup'
  | 'country'
  | 'region'
  | 'role'
  | 'consentListed'
  | 'consentInvitations'
  | 'isProtected'
  | 'pseudonym'
>;

export interface Page<T> {
  total: number;
  offset: number;
  rows: T[];
}

export interface Removed {
  id: string;
  /** Until when `participants.restore` can bring it back (epoch ms). */
  restorableUntil: number;
}

export interface AppApi {
  'system.describe'(input: MethodInput<'system.describe'>): Promise<MethodDescription[]>;
  'system.info'(input: MethodInput<'system.info'>): Promise<SystemInfo>;

  'forums.list'(input: MethodInput<'forums.list'>): Promise<ForumSummary[]>;
  'forums.get'(input: MethodInput<'forums.get'>): Promise<Forum>;
  'forums.create'(input: MethodInput<'forums.create'>): Promise<Forum>;
  'forums.update'(input: MethodInput<'forums.update'>): Promise<Forum>;
  'forums.open'(input: MethodInput<'forums.open'>): Promise<Forum>;
  'forums.current'(input: MethodInput<'forums.current'>): Promise<Forum | null>;
  'forums.loadSample'(input: MethodInput<'forums.loadSample'>): Promise<Forum>;

  'participants.list'(input: MethodInput<'participants.list'>): Promise<Page<ParticipantRow>>;
  'participants.get'(input: MethodInput<'participants.get'>): Promise<Participant>;
  'participants.create'(input: MethodInput<'participants.create'>): Promise<Participant>;
  'participants.update'(input: MethodInput<'participants.update'>): Promise<Participant>;
  'participants.remove'(input: MethodInput<'participants.remove'>): Promise<Removed>;
  'participants.restore'(input: MethodInput<'participants.restore'>): Promise<Participant>;
}

/** Compile-time check: the contract and the schemas name the same methods. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const contractMatchesSchemas: Same<keyof AppApi, MethodName> = true;

export type MethodOutput<M extends keyof AppApi> = Awaited<ReturnType<AppApi[M]>>;
