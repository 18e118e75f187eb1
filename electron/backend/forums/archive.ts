/**
 * An archived forum is read-only: every write that touches it is refused before its handler runs,
 * whichever area it belongs to. The forum is found from the input (its `forumId`, or the record
 * the method names), so a new write method is covered once it names its forum or a known record.
 */
import { forumIdOfRecord, getForum, type ForumOwnedKind } from '../../../db/queries/forums';
import { methodDeclarations } from '../../../shared/methods';
import type { MethodName } from '../../../shared/schemas';
import type { BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { archivedForumError } from './service';

/** Writes that stay allowed on an archived forum, and why. */
const ALLOWED_WHEN_ARCHIVED: ReadonlySet<string> = new Set([
  'forums.unarchive', // the way back
  'forums.archive', // says it is archived already
  'forums.remove', // deleting is confirmed by the title
  'forums.open', // remembers the last forum shown
  'forums.exportPackage', // a publication: only its audit record is written
  'participants.get', // a coordinator's reveal: only its audit record is written
  'exports.render',
  'exports.printable',
]);

/** The record kind a method's `id` names, by the method's prefix. */
const ID_KIND: Record<string, ForumOwnedKind> = {
  participants: 'participant',
  incidents: 'incident',
  actors: 'actor',
  callSeries: 'callSeries',
  calls: 'call',
  actionItems: 'actionItem',
  trash: 'trash',
  themes: 'theme',
  contributions: 'contribution',
  sessions: 'session',
  report: 'report',
  savedFilters: 'savedFilter',
};

/** Report methods whose `id` is not a report. */
const REPORT_ID_KIND: Record<string, ForumOwnedKind> = {
  'report.updateSection': 'reportSection',
  'report.removeSection': 'reportSection',
  'report.saveSection': 'reportSection',
  'report.generateSection': 'reportSection',
  'report.updateRound': 'round',
  'report.updateComment': 'comment',
  'report.respondToComment': 'comment',
  'report.removeComment': 'comment',
};

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The forum a write touches, or undefined for writes outside any forum (NRI directory, backups). */
export function forumOfWrite(
  ctx: BackendContext,
  method: string,
  input: unknown,
): string | undefined {
  const fields = (typeof input === 'object' && input !== null ? input : {}) as Record<
    string,
    unknown
  >;
  const forumId = str(fields.forumId);
  if (forumId) return forumId;
  const prefix = method.slice(0, method.indexOf('.'));
  if (prefix === 'forums') return str(fields.id);
  const byField: [string, ForumOwnedKind][] = [
    ['reportId', 'report'],
    ['roundId', 'round'],
    ['sessionId', 'session'],
  ];
  for (const [field, kind] of byField) {
    const id = str(fields[field]);
    if (id) return forumIdOfRecord(ctx.db, kind, id);
  }
  const id = str(fields.id);
  const kind = REPORT_ID_KIND[method] ?? ID_KIND[prefix];
  return id && kind ? forumIdOfRecord(ctx.db, kind, id) : undefined;
}

/** Wraps every write handler with the archived-forum check. */
export function guardArchivedForums(ctx: BackendContext, handlers: Handlers): Handlers {
  const guarded = { ...handlers } as Record<string, unknown>;
  for (const method of Object.keys(handlers) as MethodName[]) {
    if (!methodDeclarations[method].writes || ALLOWED_WHEN_ARCHIVED.has(method)) continue;
    const handler = handlers[method] as (input: unknown, call: unknown) => unknown;
    guarded[method] = (input: unknown, call: unknown) => {
      const forumId = forumOfWrite(ctx, method, input);
      const forum = forumId ? getForum(ctx.db, forumId) : undefined;
      if (forum?.archivedAt != null) throw archivedForumError(forum.title);
      return handler(input, call);
    };
  }
  return guarded as Handlers;
}
