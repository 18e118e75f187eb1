/**
 * "Export forum package": a publication for the coordinators' audience (the next team), made here
 * like every other output and recorded in the audit log. The contents are the forum's stored rows
 * (forums/package.ts), unredacted by design: the recipients are coordinators, and the passphrase
 * chosen for them is what protects the file (forums/packageFile.ts).
 */
import type { ExportFile } from '../../../shared/api';
import type { ParsedInput } from '../../../shared/schemas';
import { recordAudit } from '../audit/service';
import type { BackendContext } from '../context';
import { sealForumPackage } from '../forums/package';
import type { KdfParams } from '../forums/packageFile';
import { slug } from './index';

export const FORUM_PACKAGE_MIME = 'application/vnd.intersession.forum-package';
export const FORUM_PACKAGE_EXTENSION = 'intersession';

export function renderForumPackage(
  ctx: BackendContext,
  input: ParsedInput<'forums.exportPackage'>,
  kdf?: KdfParams,
): ExportFile {
  // Sealed outside a transaction (scrypt takes seconds); the audit record is one insert.
  const { bytes, body } = sealForumPackage(
    ctx,
    input.forumId,
    input.includeSafeguards,
    input.passphrase,
    kdf,
  );
  const forum = body.tables.forums[0];
  const day = new Date(ctx.now()).toISOString().slice(0, 10);
  const filename = `${slug(String(forum.title))}-forum-package-${day}.${FORUM_PACKAGE_EXTENSION}`;
  const counts = Object.fromEntries(Object.entries(body.tables).map(([t, r]) => [t, r.length]));
  const itemCount = Object.values(body.tables).reduce((n, r) => n + r.length, 0);
  recordAudit(ctx, {
    forumId: input.forumId,
    action: 'export',
    subjectType: 'forum-package',
    subjectId: input.forumId,
    detail: {
      kind: 'forum-package',
      format: 'intersession-forum-package',
      audience: 'coordinators',
      filename,
      items: itemCount,
      redactions: 0,
      includesSafeguards: input.includeSafeguards,
      counts,
      bytes: bytes.byteLength,
    },
  });
  return {
    filename,
    mimeType: FORUM_PACKAGE_MIME,
    audience: 'coordinators' as const,
    itemCount,
    redactionCount: 0,
    pseudonyms: [],
    base64: Buffer.from(bytes).toString('base64'),
  };
}
