// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ActionItem } from '../../../../shared/api';
import type { RpcResult } from '../../../../shared/result';
import { installDomShims } from '../../testing/domShims';
import { testForum } from '../../testing/fixtures';
import {
  descriptionsOf,
  expectErrorBeside,
  renderForm,
  shownNotifications,
  type,
} from '../../testing/formTesting';
import { ActionsPage } from './ActionsPage';

beforeAll(installDomShims);
afterEach(cleanup);

const ANA = '00000000-0000-7000-8000-0000000000a1';
const item = (id: string, title: string): ActionItem => ({
  id,
  forumId: testForum.id,
  callId: null,
  title,
  ownerId: null,
  ownerName: null,
  dueDate: null,
  status: 'open',
  createdAt: 0,
  updatedAt: 0,
});

/** The page over a backend that lists two items and one participant, and refuses every update. */
function renderPage(refusal: RpcResult<unknown>) {
  return renderForm(<ActionsPage forum={testForum} />, (method) => {
    if (method === 'actionItems.list')
      return { ok: true, value: [item('a1', 'Circulate the survey'), item('a2', 'Book a room')] };
    if (method === 'participants.list')
      return {
        ok: true,
        value: { total: 1, offset: 0, rows: [{ id: ANA, fullName: 'Ana Lima' }] },
      };
    return refusal;
  });
}

describe('ActionsPage', () => {
  it("says a refused reassignment beside the row's Owner select, which takes focus", async () => {
    const calls = renderPage({
      ok: false,
      error: {
        code: 'not_found',
        message: 'ownerId: is not a participant of this forum',
        field: 'ownerId',
      },
    });
    // The owners are loaded: the filter's and each row's select offer Ana.
    await waitFor(() =>
      expect(screen.getAllByRole('option', { name: 'Ana Lima' })).toHaveLength(3),
    );
    type('Owner of Circulate the survey', ANA);
    await expectErrorBeside(
      () => screen.getByLabelText('Owner of Circulate the survey'),
      'Owner is not a participant of this forum.',
    );
    expect(calls.at(-1)).toEqual({
      method: 'actionItems.update',
      input: { id: 'a1', ownerId: ANA },
    });
    expect(descriptionsOf(screen.getByLabelText('Owner of Book a room'))).toEqual([]);

    // Choosing again takes the error away.
    type('Owner of Circulate the survey', '');
    await waitFor(() =>
      expect(
        screen.getByLabelText('Owner of Circulate the survey').getAttribute('aria-invalid'),
      ).toBeNull(),
    );
  });

  it('keeps the notification for Complete, a button without an input', async () => {
    renderPage({ ok: false, error: { code: 'conflict', message: 'The item was deleted.' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Complete Circulate the survey' }));
    await waitFor(() => expect(shownNotifications()).toHaveLength(1));
    expect(shownNotifications()[0].textContent).toContain('The item was deleted.');
    expect(document.querySelectorAll('[aria-invalid="true"]')).toHaveLength(0);
  });
});
