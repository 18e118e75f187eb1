import { Text } from '@mantine/core';
import { createContext, useContext, type ReactNode } from 'react';
import type { Forum } from '../../../shared/api';
import type { Audience } from '../../../shared/domain/vocabulary';
import { useAudience } from '../api/context';

/** What the UI may offer in the open forum, for the session it uses. */
export interface ForumAccess {
  /** The coordinators' session (not a public one, nor "Preview as public"). */
  coordinators: boolean;
  /** The forum is archived: the backend refuses every write to it until it is unarchived. */
  archived: boolean;
  /** Write controls are offered: coordinators, and the forum is not archived. */
  canWrite: boolean;
  /** Why coordinators are not offered writes, to show where the controls would be; else null. */
  reason: string | null;
}

export const ARCHIVED_REASON = 'This forum is archived.';

/** The access rule, on its own: coordinators write, and only to a forum that is not archived. */
export function forumAccess(
  audience: Audience,
  forum: Pick<Forum, 'archivedAt'> | null,
): ForumAccess {
  const coordinators = audience === 'coordinators';
  const archived = forum?.archivedAt != null;
  return {
    coordinators,
    archived,
    canWrite: coordinators && !archived,
    reason: coordinators && archived ? ARCHIVED_REASON : null,
  };
}

/**
 * The open forum, as the shell shows it. Null outside a forum (a component rendered on its own):
 * nothing is archived there, so access is the audience's.
 */
const ForumContext = createContext<Pick<Forum, 'archivedAt'> | null>(null);

export function ForumAccessProvider({
  forum,
  children,
}: {
  forum: Pick<Forum, 'archivedAt'>;
  children: ReactNode;
}) {
  return <ForumContext.Provider value={forum}>{children}</ForumContext.Provider>;
}

/** Whether this area may offer writes: `canWrite`, and the reason to show when it may not. */
export function useForumAccess(): ForumAccess {
  return forumAccess(useAudience(), useContext(ForumContext));
}

/**
 * "This forum is archived." where write controls were left out, so the reason is seen beside
 * them and not only in the banner at the top. Nothing otherwise.
 */
export function ReadOnlyNote() {
  const { reason } = useForumAccess();
  if (!reason) return null;
  return (
    <Text size="sm" c="dimmed">
      {reason}
    </Text>
  );
}

/**
 * A form shown for reading where it may not be saved (an incident or an actor of an archived
 * forum opens in its form, the only view of its details): a native disabled fieldset turns off
 * every field and button inside, and the dialog still closes by its own close button.
 */
export function ReadOnlyFieldset({ children }: { children: ReactNode }) {
  const { canWrite } = useForumAccess();
  if (canWrite) return <>{children}</>;
  return (
    <fieldset disabled style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      {children}
    </fieldset>
  );
}
