/**
 * What each method of the contract is allowed to do and for whom: whether it writes (an audit
 * record counts as a write) and which audiences may call it. Dispatch enforces `audiences` against
 * the caller's session and refuses writes while an import holds the database; `system.describe`
 * publishes both. A later team server maps its roles onto a session (an audience plus an optional
 * `allows` list), so there is one mechanism for both.
 */
import type { MethodName } from './schemas';
import { AUDIENCES, type Audience } from './domain/vocabulary';

export interface MethodDeclaration {
  /** True when the method changes stored data (including the audit log). */
  writes: boolean;
  /** The audiences whose sessions may call it. */
  audiences: readonly Audience[];
}

/** A connection's standing: fixed by the shell when the connection is made, never by the input. */
export interface Session {
  readonly audience: Audience;
  /** A role's narrower list of methods (team server); absent means every method of the audience. */
  allows?(method: MethodName): boolean;
  /** Who is acting, for audit records and for binding narrower sessions to their opener. */
  readonly actor?: string;
}

export const COORDINATORS_SESSION: Session = Object.freeze({ audience: 'coordinators' });

const everyone = AUDIENCES;
const coordinators = ['coordinators'] as const satisfies readonly Audience[];

const read = (audiences: readonly Audience[] = coordinators): MethodDeclaration => ({
  writes: false,
  audiences,
});
/** Writes are for coordinators only until the team server gives other roles their own. */
const write: MethodDeclaration = { writes: true, audiences: coordinators };

export const methodDeclarations = {
  'system.describe': read(everyone),
  'system.info': read(everyone),
  // Opening a narrower session changes nothing stored; its token lives in the shell's memory.
  'session.open': read(everyone),
  // Re-keys every page of the file.
  'system.changePassphrase': write,

  // Backup files name the user's folders and hold everything: coordinators only.
  'backups.settings': read(),
  'backups.updateSettings': write,
  // Writes a file (and the last-backup time); the database content is only read.
  'backups.create': write,
  'backups.list': read(),
  'backups.restore': write,

  'forums.list': read(everyone),
  'forums.get': read(everyone),
  'forums.create': write,
  'forums.update': write,
  // Remembers the last forum opened (a setting).
  'forums.open': write,
  'forums.current': read(everyone),
  'forums.loadSample': write,
  // The package is a publication for coordinators: sealing it writes its audit record.
  'forums.exportPackage': write,
  'forums.previewPackage': read(),
  'forums.importPackage': write,
  'forums.retention': read(),
  'forums.setRetention': write,
  'forums.applyRetention': write,
  'forums.archive': write,
  'forums.unarchive': write,
  'forums.remove': write,

  'participants.list': read(everyone),
  // Coordinators opening a protected participant leave a reveal record in the audit log.
  'participants.get': { writes: true, audiences: everyone },
  'participants.create': write,
  'participants.update': write,
  'participants.remove': write,
  'participants.restore': write,
  'participants.importPreview': read(),
  'participants.importStart': write,
  'participants.importStatus': read(),
  // Cancelling only asks the running job to roll back; it writes nothing itself (and must be
  // accepted while the import holds the write transaction).
  'participants.importCancel': read(),
  'participants.protect': write,
  'participants.unprotect': write,
  'participants.setRoleMany': write,
  'participants.protectMany': write,

  // A coordinator's named views of a list; their names and searches may name people.
  'savedFilters.list': read(),
  'savedFilters.save': write,
  'savedFilters.remove': write,

  'audit.list': read(),
  'incidents.list': read(),
  'incidents.get': read(),
  'incidents.create': write,
  'incidents.update': write,
  'actors.list': read(),
  'actors.create': write,
  'actors.update': write,
  'actors.check': read(),
  // Exports are rendered for an audience no wider than the session's (checked by the handler).
  'exports.preview': read(everyone),
  'exports.render': { writes: true, audiences: everyone },
  'exports.printable': { writes: true, audiences: everyone },

  'callSeries.list': read(everyone),
  'callSeries.get': read(everyone),
  'callSeries.create': write,
  'callSeries.update': write,
  'calls.burden': read(),
  'calls.suggestTimes': read(),
  'calls.get': read(everyone),
  'calls.update': write,
  'calls.move': write,
  'calls.cancel': write,
  'calls.reinstate': write,
  'calls.saveAgenda': write,
  'calls.setAttendance': write,
  'calls.inviteMembers': write,
  'calls.setAttendanceMany': write,
  'calls.attendancePreview': read(),
  'calls.attendanceApply': write,
  'calls.needingMinutes': read(),
  'calls.remove': write,
  'callSeries.remove': write,
  'actionItems.remove': write,
  'actionItems.carryOver': write,
  'trash.restore': write,
  'actionItems.list': read(everyone),
  'actionItems.create': write,
  'actionItems.update': write,
  'timeline.list': read(everyone),

  'themes.list': read(everyone),
  'themes.create': write,
  'themes.update': write,
  'themes.remove': write,
  'contributions.list': read(everyone),
  'contributions.search': read(everyone),
  'contributions.get': read(everyone),
  'contributions.create': write,
  'contributions.update': write,
  'contributions.setStatus': write,
  'contributions.withdrawConsent': write,
  'contributions.duplicates': read(),
  'contributions.coverage': read(everyone),
  'contributions.sources': read(),
  'contributions.importPreview': read(),
  'contributions.importStart': write,
  'contributions.importStatus': read(),
  'contributions.importCancel': read(),

  'nris.list': read(everyone),
  'nris.create': write,
  'nris.update': write,
  'nris.remove': write,
  'sessions.list': read(everyone),
  'sessions.get': read(everyone),
  'sessions.create': write,
  'sessions.update': write,
  'sessions.remove': write,
  'sessions.setAttendance': write,

  'representation.map': read(everyone),
  'representation.saveMap': write,
  'representation.saveSettings': write,
  'representation.dashboard': read(everyone),

  'report.list': read(everyone),
  'report.create': write,
  'report.get': read(everyone),
  'report.rename': write,
  'report.remove': write,
  'report.addSection': write,
  'report.updateSection': write,
  'report.reorderSections': write,
  'report.removeSection': write,
  'report.saveSection': write,
  'report.generateSection': write,
  'report.citables': read(),
  'report.saveVersion': write,
  'report.compare': read(),
  'report.createRound': write,
  'report.updateRound': write,
  'report.getRound': read(),
  'report.addComment': write,
  'report.updateComment': write,
  'report.respondToComment': write,
  'report.removeComment': write,
  // A dry run only reads, but the same method writes the comments when dryRun is false.
  'report.importComments': write,
} as const satisfies Record<MethodName, MethodDeclaration>;

/** Compile-time check: every method is declared, and nothing else is. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const declarationsMatchSchemas: Same<keyof typeof methodDeclarations, MethodName> = true;

export const methodWrites = (method: MethodName): boolean => methodDeclarations[method].writes;

/** Whether `session` may call `method`: its audience is declared, and its role allows it. */
export function sessionMayCall(session: Session, method: MethodName): boolean {
  const declared: readonly Audience[] = methodDeclarations[method].audiences;
  return declared.includes(session.audience) && (session.allows?.(method) ?? true);
}

const WIDTH: Record<Audience, number> = { public: 0, participants: 1, coordinators: 2 };

/** True when `requested` sees no more than `session` does (public < participants < coordinators). */
export const narrows = (session: Session, requested: Audience): boolean =>
  WIDTH[requested] <= WIDTH[session.audience];
