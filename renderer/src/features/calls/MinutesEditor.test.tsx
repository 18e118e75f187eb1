// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { installDomShims } from '../../testing/domShims';
import { testCall } from '../../testing/fixtures';
import { descriptionsOf, expectErrorBeside, renderForm, type } from '../../testing/formTesting';
import { MinutesEditor } from './MinutesEditor';

beforeAll(installDomShims);
afterEach(cleanup);

const minutes = () => screen.getByLabelText('Minutes (Markdown)');

describe('MinutesEditor', () => {
  it("says the backend's refusal beside the minutes, which take focus; no notification", async () => {
    const onSaved = vi.fn();
    const calls = renderForm(
      <MinutesEditor call={testCall()} readOnly={false} onSaved={onSaved} />,
      () => ({
        ok: false,
        error: {
          code: 'validation',
          message: 'minutes: must not contain control characters',
          field: 'minutes',
        },
      }),
    );
    type('Minutes (Markdown)', 'Agreed on the survey.\u0007');
    fireEvent.click(screen.getByRole('button', { name: 'Save minutes' }));
    await expectErrorBeside(minutes, 'Minutes must not contain control characters.');
    expect(calls.map((c) => c.method)).toEqual(['calls.update']);
    expect(onSaved).not.toHaveBeenCalled();

    // Editing the minutes takes the error away.
    type('Minutes (Markdown)', 'Agreed on the survey.');
    await waitFor(() => expect(minutes().getAttribute('aria-invalid')).toBeNull());
    expect(descriptionsOf(minutes())).toEqual([]);
  });

  it('saves the minutes', async () => {
    const onSaved = vi.fn();
    const saved = testCall({ minutes: 'Agreed on the survey.' });
    const calls = renderForm(
      <MinutesEditor call={testCall()} readOnly={false} onSaved={onSaved} />,
      () => ({ ok: true, value: saved }),
    );
    type('Minutes (Markdown)', 'Agreed on the survey.');
    fireEvent.click(screen.getByRole('button', { name: 'Save minutes' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    expect(calls[0].input).toEqual({ id: saved.id, minutes: 'Agreed on the survey.' });
    expect(minutes().getAttribute('aria-invalid')).toBeNull();
  });
});
