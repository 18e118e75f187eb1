// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { installDomShims } from '../../testing/domShims';
import { testCall } from '../../testing/fixtures';
import {
  descriptionsOf,
  expectErrorBeside,
  renderForm,
  shownNotifications,
} from '../../testing/formTesting';
import { AttendancePanel } from './AttendancePanel';

beforeAll(installDomShims);
afterEach(cleanup);

const ANA = '00000000-0000-7000-8000-0000000000a1';

describe('AttendancePanel', () => {
  it("says a refused attendance beside that member's select, which takes focus", async () => {
    const onSaved = vi.fn();
    const calls = renderForm(
      <AttendancePanel call={testCall()} readOnly={false} onSaved={onSaved} />,
      () => ({
        ok: false,
        error: {
          code: 'not_found',
          message: 'No participant of this forum with this id',
          field: 'participantId',
        },
      }),
    );
    fireEvent.change(screen.getByLabelText('Attendance of Ana Lima'), {
      target: { value: 'attended' },
    });
    await expectErrorBeside(
      () => screen.getByLabelText('Attendance of Ana Lima'),
      'No participant of this forum with this id.',
    );
    expect(calls).toEqual([
      {
        method: 'calls.setAttendance',
        input: { id: testCall().id, participantId: ANA, status: 'attended' },
      },
    ]);
    // Only that member's select says it.
    expect(descriptionsOf(screen.getByLabelText('Attendance of Bo Chen'))).toEqual([]);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('keeps the notification for a bulk button, which has no input to say it beside', async () => {
    renderForm(<AttendancePanel call={testCall()} readOnly={false} onSaved={() => {}} />, () => ({
      ok: false,
      error: { code: 'conflict', message: 'The call was cancelled.' },
    }));
    fireEvent.click(screen.getByRole('button', { name: 'Mark all invited' }));
    await waitFor(() => expect(shownNotifications()).toHaveLength(1));
    expect(shownNotifications()[0].textContent).toContain('The call was cancelled.');
  });
});
