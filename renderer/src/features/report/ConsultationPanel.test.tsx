// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { installDomShims } from '../../testing/domShims';
import { testForum } from '../../testing/fixtures';
import {
  expectErrorsBesideFields,
  focusedSummary,
  focusInDialog,
  renderForm,
  type,
} from '../../testing/formTesting';
import { CommentCard } from './CommentCard';
import { CommentForm } from './CommentForm';
import { NewRoundModal } from './NewRoundModal';
import { testComment, testReport, testRound } from './reportFixtures';

beforeAll(installDomShims);
afterEach(cleanup);

const field = (label: string | RegExp) => () => screen.getByLabelText(label);

describe('NewRoundModal', () => {
  const modal = (onCreated = () => {}) => (
    <NewRoundModal opened onClose={() => {}} report={testReport} onCreated={onCreated} />
  );

  it('says every error at once as whole sentences beside the fields and sends nothing', async () => {
    const calls = renderForm(modal());
    await focusInDialog();
    expect((screen.getByLabelText(/^Title/) as HTMLInputElement).value).toBe(
      'Comments on the outline',
    );
    type(/^Title/, '');
    type('Closes on', '1800-01-01');
    fireEvent.click(screen.getByRole('button', { name: 'Open round' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      { message: 'Title is required.', input: field(/^Title/) },
      {
        message: 'Closes on must be a date between the years 1900 and 2200.',
        input: field('Closes on'),
      },
    ]);
    expect(calls).toHaveLength(0);
  });

  it("puts the backend's refusal on its field", async () => {
    renderForm(modal(), () => ({
      ok: false,
      error: {
        code: 'validation',
        message: 'closesOn: must be after the opening date',
        field: 'closesOn',
      },
    }));
    await focusInDialog();
    type('Opens on', '2026-09-10');
    type('Closes on', '2026-09-01');
    fireEvent.click(screen.getByRole('button', { name: 'Open round' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      { message: 'Closes on must be after the opening date.', input: field('Closes on') },
    ]);
  });

  it('opens the round on the newest version with the parsed input; the default title follows the phase', async () => {
    const onCreated = vi.fn();
    const calls = renderForm(modal(onCreated), () => ({ ok: true, value: testRound }));
    await focusInDialog();
    type('Phase', '2');
    expect((screen.getByLabelText(/^Title/) as HTMLInputElement).value).toBe(
      'Comments on the draft',
    );
    type('Opens on', '2026-09-01');
    fireEvent.click(screen.getByRole('button', { name: 'Open round' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledOnce());
    expect(calls).toEqual([
      {
        method: 'report.createRound',
        input: {
          reportId: testReport.id,
          phase: 2,
          title: 'Comments on the draft',
          versionId: '00000000-0000-7000-8000-0000000000d2',
          opensOn: '2026-09-01',
          closesOn: null,
        },
      },
    ]);
  });
});

describe('CommentForm', () => {
  const form = (onAdded = () => {}) => (
    <CommentForm round={testRound} forumId={testForum.id} onAdded={onAdded} />
  );
  const adds = (calls: { method: string }[]) =>
    calls.filter((c) => c.method === 'report.addComment');

  it('says every error at once as whole sentences beside the fields and sends nothing', async () => {
    const calls = renderForm(form());
    type('Received on', '1800-01-01');
    fireEvent.click(screen.getByRole('button', { name: 'Add comment' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      {
        message: 'Received on must be a date between the years 1900 and 2200.',
        input: field('Received on'),
      },
      { message: 'Comment is required.', input: field(/^Comment/) },
    ]);
    expect(adds(calls)).toHaveLength(0);
  });

  it("puts the backend's refusal on its field", async () => {
    renderForm(form(), () => ({
      ok: false,
      error: {
        code: 'validation',
        message: "ref: must be in this round's version, which has no 2.1 ¶1",
        field: 'ref',
      },
    }));
    type('Paragraph', '2.1 ¶1');
    type(/^Comment/, 'Say which costs.');
    fireEvent.click(screen.getByRole('button', { name: 'Add comment' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      {
        message: "Paragraph must be in this round's version, which has no 2.1 ¶1.",
        input: field('Paragraph'),
      },
    ]);
  });

  it('adds an outside comment with the parsed input, then empties the comment', async () => {
    const onAdded = vi.fn();
    const calls = renderForm(form(onAdded));
    type('Outside commenter name', ' ISOC Kenya ');
    type('Stakeholder group', 'civil_society');
    type('Paragraph', '2.1 ¶1');
    type('Channel', 'platform');
    type('Received on', '2026-09-03');
    fireEvent.click(screen.getByLabelText(/^Anonymous/));
    type(/^Comment/, 'Say which costs.');
    fireEvent.click(screen.getByRole('button', { name: 'Add comment' }));
    await waitFor(() => expect(onAdded).toHaveBeenCalledOnce());
    expect(adds(calls)).toEqual([
      {
        method: 'report.addComment',
        input: {
          roundId: testRound.id,
          participantId: null,
          commenterName: 'ISOC Kenya',
          anonymous: true,
          stakeholderGroup: 'civil_society',
          ref: '2.1 ¶1',
          text: 'Say which costs.',
          channel: 'platform',
          receivedOn: '2026-09-03',
        },
      },
    ]);
    await waitFor(() =>
      expect((screen.getByLabelText(/^Comment/) as HTMLTextAreaElement).value).toBe(''),
    );
  });
});

describe('CommentCard', () => {
  const card = (onChanged = () => {}) => (
    <CommentCard comment={testComment} onChanged={onChanged} onCountsChanged={() => {}} />
  );

  it('asks for a response when declining, as a whole sentence beside it, and sends nothing', async () => {
    const calls = renderForm(card());
    type('Answer', 'declined');
    fireEvent.click(screen.getByRole('button', { name: 'Save answer' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      {
        message: 'Response is required when a comment is partly accepted or declined.',
        input: field('Response'),
      },
    ]);
    expect(calls).toHaveLength(0);
  });

  it("puts the backend's refusal on its field", async () => {
    renderForm(card(), () => ({
      ok: false,
      error: {
        code: 'validation',
        message: 'response: must be at most 10000 characters',
        field: 'response',
      },
    }));
    type('Answer', 'accepted');
    fireEvent.click(screen.getByRole('button', { name: 'Save answer' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      { message: 'Response must be at most 10000 characters.', input: field('Response') },
    ]);
  });

  it('saves the answer with the parsed input', async () => {
    const onChanged = vi.fn();
    const calls = renderForm(card(onChanged), () => ({
      ok: true,
      value: { ...testComment, disposition: 'partly_accepted' },
    }));
    type('Answer', 'partly_accepted');
    type('Response', 'The costs are now named.');
    fireEvent.click(screen.getByRole('button', { name: 'Save answer' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledOnce());
    expect(calls).toEqual([
      {
        method: 'report.respondToComment',
        input: {
          id: testComment.id,
          disposition: 'partly_accepted',
          response: 'The costs are now named.',
        },
      },
    ]);
  });

  it('says a refused removal beside its button, as a whole sentence', async () => {
    renderForm(card(), () => ({
      ok: false,
      error: { code: 'conflict', message: 'The round is closed; its comments stay as they are' },
    }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove comment' }));
    const article = screen.getByRole('article');
    expect((await within(article).findByRole('alert')).textContent).toBe(
      'The round is closed; its comments stay as they are.',
    );
  });
});
