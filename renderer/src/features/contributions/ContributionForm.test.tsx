// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Theme } from '../../../../shared/api';
import type { RpcResult } from '../../../../shared/result';
import { installDomShims } from '../../testing/domShims';
import {
  expectErrorsBesideFields,
  focusedSummary,
  focusInDialog,
  renderForm,
  type,
  type RecordedCall,
} from '../../testing/formTesting';
import { ContributionForm } from './ContributionForm';

beforeAll(installDomShims);
afterEach(cleanup);

const FORUM = '00000000-0000-7000-8000-000000000001';
const THEME = '00000000-0000-7000-8000-0000000000a1';
const saves = (calls: RecordedCall[]) =>
  calls.filter((c) => c.method === 'contributions.create' || c.method === 'contributions.update');

/** The backend of the form: its sources and duplicates are empty; saving answers `save`. */
const backend =
  (save: () => RpcResult<unknown> = () => ({ ok: true, value: { id: 'c1' } })) =>
  (method: string): RpcResult<unknown> => {
    if (method === 'contributions.sources') return { ok: true, value: { calls: [], sessions: [] } };
    if (method === 'contributions.duplicates') return { ok: true, value: [] };
    return save();
  };
const theme: Theme = { id: THEME, forumId: FORUM, name: 'Access', contributionCount: 0 };

const form = (onSaved = () => {}) => (
  <ContributionForm opened forumId={FORUM} themes={[theme]} onClose={() => {}} onSaved={onSaved} />
);

describe('ContributionForm', () => {
  it('says every error at once, beside its field and in a focused summary whose links focus the fields', async () => {
    const calls = renderForm(form(), backend());
    await focusInDialog();
    type('Language', 'x');
    type('Links', 'not-a-link');
    fireEvent.click(screen.getByRole('button', { name: 'Save contribution' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      { message: 'Title is required.', input: () => screen.getByLabelText(/^Title/) },
      {
        message: 'Language must be a language tag such as en or pt-BR.',
        input: () => screen.getByLabelText('Language'),
      },
      {
        message: 'Links must be a web address (http or https).',
        input: () => screen.getByLabelText('Links'),
      },
    ]);
    expect(saves(calls)).toHaveLength(0);
  });

  it('saves the parsed input', async () => {
    const onSaved = vi.fn();
    const calls = renderForm(form(onSaved), backend());
    await focusInDialog();
    type(/^Title/, ' Community radio ');
    type('Country', 'CO');
    fireEvent.click(screen.getByLabelText('Access'));
    type('Links', 'https://radio.example.org\n\nhttps://b.example.org ');
    type('Outside contributor name', 'Lucía Gómez');
    type('Date received', '2026-08-04');
    fireEvent.click(screen.getByLabelText('May be published'));
    fireEvent.click(screen.getByRole('button', { name: 'Save contribution' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(saves(calls)).toEqual([
      {
        method: 'contributions.create',
        input: {
          forumId: FORUM,
          title: 'Community radio',
          summary: '',
          body: '',
          kind: 'practice',
          country: 'CO',
          region: null,
          themeIds: [THEME],
          source: 'email',
          sourceCallId: null,
          sourceSessionId: null,
          contributorId: null,
          contributorName: 'Lucía Gómez',
          contributorOrganisation: '',
          language: 'en',
          receivedOn: '2026-08-04',
          links: ['https://radio.example.org', 'https://b.example.org'],
          attribution: 'anonymous',
          mayPublish: true,
          consentGivenOn: null,
          consentMethod: null,
        },
      },
    ]);
  });

  it("puts the backend's refusal on the themes group; its link focuses the first theme", async () => {
    renderForm(
      form(),
      backend(() => ({
        ok: false,
        error: {
          code: 'validation',
          message: 'themeIds: are not of this forum',
          field: 'themeIds',
        },
      })),
    );
    await focusInDialog();
    type(/^Title/, 'Community radio');
    fireEvent.click(screen.getByLabelText('Access'));
    fireEvent.click(screen.getByRole('button', { name: 'Save contribution' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      {
        message: 'Themes are not of this forum.',
        input: () => screen.getByRole('checkbox', { name: 'Access' }),
      },
    ]);
  });
});
