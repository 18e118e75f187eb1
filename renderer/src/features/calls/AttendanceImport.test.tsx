// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AttendanceReportPreview, AttendanceReportRow } from '../../../../shared/api';
import type { RpcResult } from '../../../../shared/result';
import { installDomShims } from '../../testing/domShims';
import { testCall } from '../../testing/fixtures';
import {
  descriptionsOf,
  expectErrorBeside,
  renderForm,
  shownNotifications,
} from '../../testing/formTesting';
import { AttendanceImport } from './AttendanceImport';

beforeAll(installDomShims);
afterEach(cleanup);

const ANA = '00000000-0000-7000-8000-0000000000a1';
const BO = '00000000-0000-7000-8000-0000000000a2';

const row = (key: string, name: string, participantId: string | null): AttendanceReportRow => ({
  key,
  name,
  email: null,
  minutes: 45,
  match: participantId ? { participantId, fullName: name, by: 'name' } : null,
  actor: null,
});

// Carla is not matched: the entries sent are Ana's (entries.0) and Bo's (entries.1).
const preview: AttendanceReportPreview = {
  format: 'zoom',
  formatLabel: 'Zoom',
  callMinutes: 60,
  rows: [row('r1', 'Ana Lima', ANA), row('r2', 'Carla Ruiz', null), row('r3', 'Bo Chen', BO)],
};

/** The dialog with a report read, over a backend answering `calls.attendanceApply` with `apply`. */
async function renderRead(apply: RpcResult<unknown>) {
  const onApplied = vi.fn();
  const calls = renderForm(
    <AttendanceImport call={testCall()} onClose={() => {}} onApplied={onApplied} />,
    (method) => (method === 'calls.attendancePreview' ? { ok: true, value: preview } : apply),
  );
  const file = document.querySelector<HTMLInputElement>('input[type="file"]')!;
  fireEvent.change(file, {
    target: { files: [new File(['Name,Duration\n'], 'report.csv', { type: 'text/csv' })] },
  });
  await screen.findByLabelText('Member for Bo Chen');
  return { calls, onApplied };
}

const record = () => fireEvent.click(screen.getByRole('button', { name: 'Record attendance' }));

describe('AttendanceImport', () => {
  it("says a refused entry beside that row's Member select, which takes focus", async () => {
    const { calls, onApplied } = await renderRead({
      ok: false,
      error: {
        code: 'not_found',
        message: 'entries.1: No participant of this forum has this id.',
        field: 'entries.1',
      },
    });
    record();
    await expectErrorBeside(
      () => screen.getByLabelText('Member for Bo Chen'),
      'No participant of this forum has this id.',
    );
    expect(calls.at(-1)?.input).toMatchObject({
      entries: [
        { participantId: ANA, minutes: 45 },
        { participantId: BO, minutes: 45 },
      ],
    });
    expect(descriptionsOf(screen.getByLabelText('Member for Ana Lima'))).toEqual([]);
    expect(onApplied).not.toHaveBeenCalled();

    // A changed match renumbers the entries: the error goes.
    fireEvent.change(screen.getByLabelText('Member for Ana Lima'), { target: { value: '' } });
    await waitFor(() =>
      expect(screen.getByLabelText('Member for Bo Chen').getAttribute('aria-invalid')).toBeNull(),
    );
  });

  it('says a refused threshold beside it', async () => {
    await renderRead({
      ok: false,
      error: {
        code: 'validation',
        message: 'minMinutes: Min minutes must be a whole number of minutes.',
        field: 'minMinutes',
      },
    });
    record();
    await expectErrorBeside(
      () => screen.getByLabelText('Minimum minutes to count as attended'),
      'Min minutes must be a whole number of minutes.',
    );
  });

  it('keeps the notification for an error no input owns', async () => {
    await renderRead({ ok: false, error: { code: 'not_found', message: 'No call with this id' } });
    record();
    await waitFor(() => expect(shownNotifications()).toHaveLength(1));
    expect(shownNotifications()[0].textContent).toContain('No call with this id');
  });
});
