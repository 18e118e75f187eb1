// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { cleanup, render, renderHook, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Audience } from '../../../shared/domain/vocabulary';
import { createClient } from '../api/client';
import { ClientContext } from '../api/context';
import { installDomShims } from '../testing/domShims';
import {
  ARCHIVED_REASON,
  ForumAccessProvider,
  forumAccess,
  ReadOnlyNote,
  useForumAccess,
} from './forumAccess';

beforeAll(installDomShims);
afterEach(cleanup);

const noBackend = () => Promise.reject(new Error('no backend in this test'));

function wrapper(audience: Audience, archivedAt: number | null | undefined) {
  const client = createClient(noBackend, { audience });
  return function Wrapper({ children }: { children: ReactNode }) {
    return (
      <MantineProvider>
        <ClientContext.Provider value={client}>
          <ForumAccessProvider forum={{ archivedAt }}>{children}</ForumAccessProvider>
        </ClientContext.Provider>
      </MantineProvider>
    );
  };
}

describe('forumAccess', () => {
  it('lets coordinators write to a forum that is not archived', () => {
    expect(forumAccess('coordinators', { archivedAt: null })).toEqual({
      coordinators: true,
      archived: false,
      canWrite: true,
      reason: null,
    });
    expect(forumAccess('coordinators', {}).canWrite).toBe(true);
  });

  it('offers no writes to an archived forum, and says why to coordinators', () => {
    expect(forumAccess('coordinators', { archivedAt: 1 })).toEqual({
      coordinators: true,
      archived: true,
      canWrite: false,
      reason: ARCHIVED_REASON,
    });
  });

  it('never lets the public write, and gives them no reason (they see no write controls)', () => {
    for (const archivedAt of [null, 1])
      expect(forumAccess('public', { archivedAt })).toMatchObject({
        coordinators: false,
        canWrite: false,
        reason: null,
      });
  });

  it('outside a forum, access is the audience’s', () => {
    expect(forumAccess('coordinators', null).canWrite).toBe(true);
  });
});

describe('useForumAccess', () => {
  it('reads the session’s audience and the open forum', () => {
    const open = renderHook(useForumAccess, { wrapper: wrapper('coordinators', null) });
    expect(open.result.current.canWrite).toBe(true);
    const archived = renderHook(useForumAccess, { wrapper: wrapper('coordinators', 5) });
    expect(archived.result.current).toMatchObject({ canWrite: false, reason: ARCHIVED_REASON });
    const preview = renderHook(useForumAccess, { wrapper: wrapper('public', null) });
    expect(preview.result.current.canWrite).toBe(false);
  });

  it('follows the forum when it is archived or unarchived', () => {
    const client = createClient(noBackend);
    let archivedAt: number | null = null;
    const Wrapper = ({ children }: { children: ReactNode }) => (
      <ClientContext.Provider value={client}>
        <ForumAccessProvider forum={{ archivedAt }}>{children}</ForumAccessProvider>
      </ClientContext.Provider>
    );
    const hook = renderHook(useForumAccess, { wrapper: Wrapper });
    expect(hook.result.current.canWrite).toBe(true);
    archivedAt = 10;
    hook.rerender();
    expect(hook.result.current.canWrite).toBe(false);
    archivedAt = null;
    hook.rerender();
    expect(hook.result.current.canWrite).toBe(true);
  });
});

describe('ReadOnlyNote', () => {
  it('says the forum is archived to coordinators, and nothing otherwise', () => {
    const Archived = wrapper('coordinators', 1);
    render(
      <Archived>
        <ReadOnlyNote />
      </Archived>,
    );
    expect(screen.getByText(ARCHIVED_REASON)).toBeTruthy();
    cleanup();
    const Open = wrapper('coordinators', null);
    render(
      <Open>
        <ReadOnlyNote />
      </Open>,
    );
    expect(screen.queryByText(ARCHIVED_REASON)).toBeNull();
  });
});
