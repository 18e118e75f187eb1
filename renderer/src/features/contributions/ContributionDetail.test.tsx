// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Contribution } from '../../../../shared/api';
import { installDomShims } from '../../testing/domShims';
import { testForum } from '../../testing/fixtures';
import {
  expectErrorsBesideFields,
  focusedSummary,
  renderForm,
  shownNotifications,
  type,
} from '../../testing/formTesting';
import { ContributionDetail } from './ContributionDetail';

beforeAll(installDomShims);
afterEach(cleanup);

const C1 = '00000000-0000-7000-8000-0000000000d1';

const contribution: Contribution = {
  id: C1,
  forumId: testForum.id,
  title: 'Community radio for digital skills',
  summary: '',
  body: '',
  kind: 'practice',
  country: null,
  region: null,
  themeIds: [],
  themeNames: [],
  source: 'email',
  sourceCallId: null,
  sourceSessionId: null,
  sourceTitle: null,
  contributorId: null,
  contributor: null,
  contributorName: 'Lucía Gómez',
  contributorOrganisation: '',
  language: 'es',
  receivedOn: '2026-08-04',
  links: [],
  attribution: 'named',
  mayPublish: true,
  consentGivenOn: null,
  consentMethod: null,
  consentWithdrawnAt: null,
  consentWithdrawnScope: null,
  publicCredit: 'Lucía Gómez',
  status: 'submitted',
  reviewerNotes: '',
  history: [],
  possibleDuplicates: [],
  createdAt: 0,
  updatedAt: 0,
};

const detail = (onChanged = () => {}) => (
  <ContributionDetail
    id={C1}
    forumId={testForum.id}
    themes={[]}
    readOnly={false}
    onClose={() => {}}
    onChanged={onChanged}
  />
);

describe('ContributionDetail', () => {
  it("says the review's refusal beside its field and in a focused summary; no notification", async () => {
    const onChanged = vi.fn();
    const calls = renderForm(detail(onChanged), (method) =>
      method === 'contributions.get'
        ? { ok: true, value: contribution }
        : {
            ok: false,
            error: {
              code: 'validation',
              message: 'status: cannot be accepted while consent to publication is withdrawn',
              field: 'status',
            },
          },
    );
    await screen.findByLabelText('Reviewer notes');
    type('Status', 'accepted');
    type('Reviewer notes', 'Good local example.');
    fireEvent.click(screen.getByRole('button', { name: 'Save review' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      {
        message: 'Status cannot be accepted while consent to publication is withdrawn.',
        input: () => screen.getByLabelText('Status'),
      },
    ]);
    expect(calls.at(-1)).toEqual({
      method: 'contributions.setStatus',
      input: { id: C1, status: 'accepted', reviewerNotes: 'Good local example.' },
    });
    expect(shownNotifications()).toHaveLength(0);
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('says a refused withdrawal beside "What is withdrawn"', async () => {
    const calls = renderForm(detail(), (method) =>
      method === 'contributions.get'
        ? { ok: true, value: contribution }
        : {
            ok: false,
            error: {
              code: 'conflict',
              message: 'Consent to publication was already withdrawn',
              field: 'scope',
            },
          },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Withdraw consent' }));
    await screen.findByLabelText('Note');
    type('Note', 'Asked by e-mail');
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm withdrawal' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      {
        message: 'Consent to publication was already withdrawn.',
        input: () => screen.getByLabelText('What is withdrawn'),
      },
    ]);
    expect(calls.at(-1)).toEqual({
      method: 'contributions.withdrawConsent',
      input: { id: C1, scope: 'publication', note: 'Asked by e-mail' },
    });
    expect(shownNotifications()).toHaveLength(0);
  });

  it('saves the review and starts the next one from what was saved', async () => {
    const onChanged = vi.fn();
    const saved = { ...contribution, status: 'accepted' as const, reviewerNotes: 'Good.' };
    renderForm(detail(onChanged), (method) =>
      method === 'contributions.get'
        ? { ok: true, value: contribution }
        : { ok: true, value: saved },
    );
    await screen.findByLabelText('Reviewer notes');
    type('Status', 'accepted');
    type('Reviewer notes', ' Good. ');
    fireEvent.click(screen.getByRole('button', { name: 'Save review' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledOnce());
    await waitFor(() =>
      expect((screen.getByLabelText('Reviewer notes') as HTMLTextAreaElement).value).toBe('Good.'),
    );
  });
});
