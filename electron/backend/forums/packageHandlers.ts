import type { BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { renderForumPackage } from '../publish/forumPackage';
import { importForumPackage, previewForumPackage } from './package';
import { applyRetention, retentionStatus, setRetention } from './retention';

const bytesOf = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

/** The handover (forum package) and retention slice of the contract (issue 13 §4, §5). */
export function createForumPackageHandlers(
  ctx: BackendContext,
): Pick<
  Handlers,
  | 'forums.exportPackage'
  | 'forums.previewPackage'
  | 'forums.importPackage'
  | 'forums.retention'
  | 'forums.setRetention'
  | 'forums.applyRetention'
> {
  return {
    'forums.exportPackage': (input) => renderForumPackage(ctx, input),
    'forums.previewPackage': ({ file, passphrase }) =>
      previewForumPackage(ctx, bytesOf(file), passphrase),
    'forums.importPackage': ({ file, passphrase }) =>
      importForumPackage(ctx, bytesOf(file), passphrase),
    'forums.retention': ({ forumId }) => retentionStatus(ctx, forumId),
    'forums.setRetention': ({ forumId, months }) => setRetention(ctx, forumId, months),
    'forums.applyRetention': ({ forumId, confirmTitle }) =>
      applyRetention(ctx, forumId, confirmTitle),
  };
}
