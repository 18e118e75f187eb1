// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { installDomShims } from '../../testing/domShims';
import { expectErrorsBesideFields, focusedSummary, renderForm } from '../../testing/formTesting';
import { testReport } from './reportFixtures';
import { VersionsPanel } from './VersionsPanel';

beforeAll(installDomShims);
afterEach(cleanup);

const panel = (onChanged = () => {}) => (
  <VersionsPanel report={testReport} onChanged={onChanged} onExport={() => {}} />
);
const nameInput = () => screen.getByLabelText('Version name');

describe('VersionsPanel: Save version', () => {
  it('suggests the next name; an emptied one is said as a whole sentence beside it and nothing is sent', async () => {
    const calls = renderForm(panel());
    expect((nameInput() as HTMLInputElement).value).toBe('Draft III');
    fireEvent.change(nameInput(), { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save version' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [{ message: 'Version name is required.', input: nameInput }]);
    expect(calls).toHaveLength(0);
  });

  it("puts the backend's refusal on the name", async () => {
    renderForm(panel(), () => ({
      ok: false,
      error: {
        code: 'conflict',
        message: 'name: is already the name of a version of this report',
        field: 'name',
      },
    }));
    fireEvent.change(nameInput(), { target: { value: 'Draft II' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save version' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      {
        message: 'Version name is already the name of a version of this report.',
        input: nameInput,
      },
    ]);
  });

  it('saves the version with the parsed input', async () => {
    const onChanged = vi.fn();
    const calls = renderForm(panel(onChanged), () => ({
      ok: true,
      value: { id: '00000000-0000-7000-8000-0000000000d3' },
    }));
    fireEvent.change(nameInput(), { target: { value: ' Final ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save version' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledOnce());
    expect(calls).toEqual([
      { method: 'report.saveVersion', input: { reportId: testReport.id, name: 'Final' } },
    ]);
  });

  it('says a failed comparison as a whole sentence beside the button', async () => {
    renderForm(panel(), () => ({
      ok: false,
      error: { code: 'not_found', message: 'That version no longer exists' },
    }));
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    expect(await screen.findByText('That version no longer exists.')).toBeTruthy();
  });
});
