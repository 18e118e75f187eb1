// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { installDomShims } from '../../testing/domShims';
import {
  expectErrorsBesideFields,
  focusedSummary,
  focusInDialog,
  renderForm,
  summaryLinks,
} from '../../testing/formTesting';
import { BulkRoleDialog } from './BulkRoleDialog';

beforeAll(installDomShims);
afterEach(cleanup);

const FORUM = '00000000-0000-7000-8000-000000000001';
const ANA = '00000000-0000-7000-8000-0000000000a1';
const BEN = '00000000-0000-7000-8000-0000000000a2';
const dialog = (ids: string[], onDone = () => {}) => (
  <BulkRoleDialog opened forumId={FORUM} ids={ids} onClose={() => {}} onDone={onDone} />
);

describe('BulkRoleDialog', () => {
  it('says every error at once as whole sentences, the selection beside its description, and sends nothing', async () => {
    const calls = renderForm(dialog([]));
    await focusInDialog();
    fireEvent.change(screen.getByLabelText('New role'), { target: { value: 'no-such-role' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change role' }));
    const summary = await focusedSummary();
    expect(summaryLinks(summary)).toEqual([
      'The selection must name at least one participant.',
      'New role is required.',
    ]);
    expect(screen.getAllByText('The selection must name at least one participant.')).toHaveLength(
      2,
    );
    expect(screen.getByLabelText('New role').getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(screen.getByRole('link', { name: 'New role is required.' }));
    expect(document.activeElement).toBe(screen.getByLabelText('New role'));
    expect(calls).toHaveLength(0);
  });

  it("puts the backend's refusal on its field", async () => {
    renderForm(dialog([ANA]), () => ({
      ok: false,
      error: { code: 'validation', message: 'role: cannot be given in bulk', field: 'role' },
    }));
    await focusInDialog();
    fireEvent.click(screen.getByRole('button', { name: 'Change role' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      {
        message: 'New role cannot be given in bulk.',
        input: () => screen.getByLabelText('New role'),
      },
    ]);
  });

  it('gives every selected participant the chosen role', async () => {
    const onDone = vi.fn();
    const calls = renderForm(dialog([ANA, BEN], onDone), () => ({
      ok: true,
      value: { count: 2, changed: 1 },
    }));
    await focusInDialog();
    fireEvent.change(screen.getByLabelText('New role'), { target: { value: 'rapporteur' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change role' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(2, 'Rapporteur'));
    expect(calls).toEqual([
      {
        method: 'participants.setRoleMany',
        input: { forumId: FORUM, ids: [ANA, BEN], role: 'rapporteur' },
      },
    ]);
    await screen.findByText('Rapporteur for 2 participants (1 had it already).');
  });
});
