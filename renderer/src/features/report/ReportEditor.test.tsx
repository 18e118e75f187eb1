// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ReportSection } from '../../../../shared/api';
import type { RpcResult } from '../../../../shared/result';
import { reportSchemas } from '../../../../shared/schemas/report';
import { useClient } from '../../api/context';
import { installDomShims } from '../../testing/domShims';
import {
  expectErrorsBesideFields,
  focusedSummary,
  focusInDialog,
  renderForm,
} from '../../testing/formTesting';
import { AddSectionModal, ConfirmModal, TitleModal } from './ReportEditor';
import { testReport } from './reportFixtures';

beforeAll(installDomShims);
afterEach(cleanup);

const SECTION_ID = '00000000-0000-7000-8000-0000000000c1';
const NEW_ID = '00000000-0000-7000-8000-0000000000c2';
const after = { id: SECTION_ID, number: '2', title: 'Barriers', level: 1 } as ReportSection;
const titleInput = () => screen.getByLabelText(/^Section title/);

describe('AddSectionModal', () => {
  const modal = (onAdded = () => {}) => (
    <AddSectionModal
      opened
      onClose={() => {}}
      reportId={testReport.id}
      after={after}
      knownIds={[SECTION_ID]}
      onAdded={onAdded}
    />
  );

  it('says every error at once as whole sentences beside the fields and sends nothing', async () => {
    const calls = renderForm(modal());
    await focusInDialog();
    fireEvent.change(screen.getByLabelText('Level'), { target: { value: 'none' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add section' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      { message: 'Section title is required.', input: titleInput },
      { message: 'Level is required.', input: () => screen.getByLabelText('Level') },
    ]);
    expect(calls).toHaveLength(0);
  });

  it("puts the backend's refusal on its field", async () => {
    renderForm(modal(), () => ({
      ok: false,
      error: {
        code: 'validation',
        message: 'level: cannot be deeper than the section before it',
        field: 'level',
      },
    }));
    await focusInDialog();
    fireEvent.change(titleInput(), { target: { value: 'Costs' } });
    fireEvent.change(screen.getByLabelText('Level'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add section' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      {
        message: 'Level cannot be deeper than the section before it.',
        input: () => screen.getByLabelText('Level'),
      },
    ]);
  });

  it('adds the section after the chosen one, with the parsed input', async () => {
    const onAdded = vi.fn();
    const calls = renderForm(modal(onAdded), () => ({
      ok: true,
      value: { ...testReport, sections: [{ id: SECTION_ID }, { id: NEW_ID }] },
    }));
    await focusInDialog();
    expect((screen.getByLabelText('Level') as HTMLSelectElement).value).toBe('1');
    fireEvent.change(titleInput(), { target: { value: ' Costs ' } });
    fireEvent.change(screen.getByLabelText('Level'), { target: { value: '2' } });
    fireEvent.change(screen.getByLabelText('Content'), { target: { value: 'text' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add section' }));
    await waitFor(() => expect(onAdded).toHaveBeenCalledOnce());
    expect(onAdded.mock.calls[0][1]).toBe(NEW_ID);
    expect(calls).toEqual([
      {
        method: 'report.addSection',
        input: {
          reportId: testReport.id,
          afterId: SECTION_ID,
          title: 'Costs',
          level: 2,
          kind: 'text',
        },
      },
    ]);
  });
});

/** "Rename report" as the editor opens it: the title is saved by report.rename. */
function RenameReport({ onClose }: { onClose: () => void }) {
  const client = useClient();
  return (
    <TitleModal
      opened
      onClose={onClose}
      heading="Rename report"
      label="Report title"
      schema={reportSchemas['report.rename']}
      targetId={testReport.id}
      initial={testReport.title}
      save={(title) => client.call('report.rename', { id: testReport.id, title })}
    />
  );
}

describe('TitleModal', () => {
  const input = () => screen.getByLabelText(/^Report title/);

  it('says an emptied title as a whole sentence beside it and sends nothing', async () => {
    const calls = renderForm(<RenameReport onClose={() => {}} />);
    await focusInDialog();
    expect((input() as HTMLInputElement).value).toBe('BPF Test outcome report');
    fireEvent.change(input(), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [{ message: 'Report title is required.', input }]);
    expect(calls).toHaveLength(0);
  });

  it("puts the backend's refusal on the title", async () => {
    renderForm(<RenameReport onClose={() => {}} />, () => ({
      ok: false,
      error: {
        code: 'conflict',
        message: 'title: is used by another report of this forum',
        field: 'title',
      },
    }));
    await focusInDialog();
    fireEvent.change(input(), { target: { value: 'Other' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      { message: 'Report title is used by another report of this forum.', input },
    ]);
  });

  it('saves the parsed title and closes', async () => {
    const onClose = vi.fn();
    const calls = renderForm(<RenameReport onClose={onClose} />);
    await focusInDialog();
    fireEvent.change(input(), { target: { value: ' Outcome report 2026 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledOnce());
    expect(calls).toEqual([
      { method: 'report.rename', input: { id: testReport.id, title: 'Outcome report 2026' } },
    ]);
  });
});

describe('ConfirmModal', () => {
  it('says a refusal in the dialog, beside its button, and stays open', async () => {
    const onClose = vi.fn();
    const answers: RpcResult<unknown>[] = [
      {
        ok: false,
        error: { code: 'conflict', message: 'The report is being exported; try again in a moment' },
      },
      { ok: true, value: {} },
    ];
    const confirm = vi.fn(() => Promise.resolve(answers.shift()!));
    renderForm(
      <ConfirmModal
        opened
        onClose={onClose}
        heading="Delete report"
        confirmLabel="Delete report"
        failedTitle="The report was not deleted"
        message="Delete it?"
        confirm={confirm}
      />,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Delete report' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete report' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('The report was not deleted');
    expect(alert.textContent).toContain('The report is being exported; try again in a moment.');
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete report' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledOnce());
    expect(confirm).toHaveBeenCalledTimes(2);
  });
});
