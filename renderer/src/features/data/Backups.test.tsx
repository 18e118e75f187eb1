// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BackupEntry, BackupSettings } from '../../../../shared/api';
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
import { Backups } from './Backups';

beforeAll(installDomShims);
afterEach(cleanup);

const SETTINGS: BackupSettings = {
  folder: '/home/ana/backups',
  keep: 7,
  daily: true,
  lastBackupAt: Date.UTC(2026, 10, 2, 9, 30),
};
const CURRENT: BackupEntry = {
  name: 'intersession-2026-11-02T09-30-00Z.db',
  createdAt: Date.UTC(2026, 10, 2, 9, 30),
  size: 3 * 1024 * 1024,
  forumCount: 2,
};
const OLDER: BackupEntry = {
  name: 'intersession-2026-10-01T08-00-00Z.db',
  createdAt: Date.UTC(2026, 9, 1, 8, 0),
  size: 2048,
  forumCount: null,
};

const ok = (value: unknown): RpcResult<unknown> => ({ ok: true, value });
const refuse = (message: string, field?: string): RpcResult<unknown> => ({
  ok: false,
  error: { code: 'validation', message, ...(field ? { field } : {}) },
});

/** The backend of the page: settings and list as above; `answers` overrides any method. */
function backend(answers: Record<string, (input: Record<string, unknown>) => RpcResult<unknown>>) {
  return (method: string, input: Record<string, unknown>): RpcResult<unknown> => {
    if (answers[method]) return answers[method](input);
    if (method === 'backups.settings') return ok(SETTINGS);
    if (method === 'backups.list') return ok([CURRENT, OLDER]);
    if (method === 'backups.updateSettings') return ok({ ...SETTINGS, ...input });
    return ok({});
  };
}
const sent = (calls: RecordedCall[], method: string) => calls.filter((c) => c.method === method);

describe('Backups settings', () => {
  it('says every error at once as whole sentences beside the fields and sends nothing', async () => {
    const calls = renderForm(<Backups onRestored={() => {}} />, backend({}));
    await screen.findByLabelText('Backup folder');
    type('Backup folder', 'backups');
    type('Backups to keep', '');
    fireEvent.click(screen.getByRole('button', { name: 'Save backup settings' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      {
        message: 'Backup folder must be a full path (starting at / or a drive letter).',
        input: () => screen.getByLabelText('Backup folder'),
      },
      {
        message: 'Backups to keep is required.',
        input: () => screen.getByLabelText('Backups to keep'),
      },
    ]);
    expect(sent(calls, 'backups.updateSettings')).toHaveLength(0);
  });

  it("puts the backend's refusal on the folder", async () => {
    renderForm(
      <Backups onRestored={() => {}} />,
      backend({
        'backups.updateSettings': () =>
          refuse('folder: The folder /root/backups is not writable.', 'folder'),
      }),
    );
    await screen.findByLabelText('Backup folder');
    type('Backup folder', '/root/backups');
    fireEvent.click(screen.getByRole('button', { name: 'Save backup settings' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      {
        message: 'The folder /root/backups is not writable.',
        input: () => screen.getByLabelText('Backup folder'),
      },
    ]);
  });

  it('shows the stored settings and saves the parsed input', async () => {
    const calls = renderForm(<Backups onRestored={() => {}} />, backend({}));
    const folder = (await screen.findByLabelText('Backup folder')) as HTMLInputElement;
    expect(folder.value).toBe('/home/ana/backups');
    expect(screen.getByText(/Last backup: 2 Nov 2026, 09:30 UTC\./)).toBeTruthy();
    type('Backup folder', ' /srv/backups ');
    type('Backups to keep', '30');
    fireEvent.click(screen.getByLabelText('Back up daily while Intersession runs'));
    fireEvent.click(screen.getByRole('button', { name: 'Save backup settings' }));
    await screen.findByText('Backup settings saved.');
    expect(sent(calls, 'backups.updateSettings')).toEqual([
      {
        method: 'backups.updateSettings',
        input: { folder: '/srv/backups', keep: 30, daily: false },
      },
    ]);
  });
});

describe('Back up now', () => {
  it('makes a backup and shows the new last backup', async () => {
    let made = false;
    const calls = renderForm(
      <Backups onRestored={() => {}} />,
      backend({
        'backups.create': () => {
          made = true;
          return ok({ ...CURRENT, name: 'intersession-2026-11-03T10-00-00Z.db' });
        },
        'backups.settings': () =>
          ok(made ? { ...SETTINGS, lastBackupAt: Date.UTC(2026, 10, 3, 10, 0) } : SETTINGS),
      }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Back up now' }));
    await screen.findByText(/Last backup: 3 Nov 2026, 10:00 UTC\./);
    expect(sent(calls, 'backups.create')).toEqual([{ method: 'backups.create', input: {} }]);
  });

  it('says why a backup failed beside the button, as a whole sentence', async () => {
    renderForm(
      <Backups onRestored={() => {}} />,
      backend({ 'backups.create': () => refuse('The disk is full; no backup was made') }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Back up now' }));
    const alert = await screen.findByRole('alert', { name: /The backup failed/ });
    expect(alert.textContent).toContain('The disk is full; no backup was made.');
  });
});

describe('Restore from backup', () => {
  it('lists the backups, asks to confirm, then restores the chosen one', async () => {
    const onRestored = vi.fn();
    const calls = renderForm(
      <Backups onRestored={onRestored} />,
      backend({
        'backups.restore': () => ok({ restored: CURRENT.name, keptAs: 'intersession-kept.db' }),
      }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Restore from backup' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restore from backup' });
    const table = await within(dialog).findByRole('table', { name: 'Backups' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'DateSizeForums',
      expect.stringContaining('2 Nov 2026, 09:30 UTC3.0 MB2'),
      expect.stringContaining('1 Oct 2026, 08:00 UTC2 KBOlder passphrase'),
    ]);
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Restore the backup of 2 Nov 2026, 09:30 UTC' }),
    );
    expect(within(dialog).getByText('Restore the backup of 2 Nov 2026, 09:30 UTC?')).toBeTruthy();
    // Nothing is restored before the confirmation.
    expect(sent(calls, 'backups.restore')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Restore this backup' }));
    await waitFor(() => expect(onRestored).toHaveBeenCalledOnce());
    expect(sent(calls, 'backups.restore')).toEqual([
      { method: 'backups.restore', input: { name: CURRENT.name } },
    ]);
  });

  it("asks for an older backup's passphrase, puts a wrong one beside it, and sends the right one", async () => {
    const onRestored = vi.fn();
    const calls = renderForm(
      <Backups onRestored={onRestored} />,
      backend({
        'backups.restore': (input) =>
          input.passphrase === 'lantern orchard tidal'
            ? ok({ restored: OLDER.name, keptAs: 'intersession-kept.db' })
            : refuse('The passphrase of this backup is wrong; nothing was replaced.', 'passphrase'),
      }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Restore from backup' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restore from backup' });
    fireEvent.click(
      await within(dialog).findByRole('button', {
        name: 'Restore the backup of 1 Oct 2026, 08:00 UTC',
      }),
    );
    await focusInDialog();
    const passphrase = () => within(dialog).getByLabelText('Passphrase of this backup');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Restore this backup' }));
    let summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      { message: 'Passphrase of this backup is required.', input: passphrase },
    ]);
    expect(sent(calls, 'backups.restore')).toHaveLength(0);

    fireEvent.change(passphrase(), { target: { value: 'not the one' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Restore this backup' }));
    await waitFor(() => expect(sent(calls, 'backups.restore')).toHaveLength(1));
    summary = await focusedSummary();
    await waitFor(() =>
      expect(summary.textContent).toContain('The passphrase of this backup is wrong'),
    );
    expectErrorsBesideFields(summary, [
      {
        message: 'The passphrase of this backup is wrong; nothing was replaced.',
        input: passphrase,
      },
    ]);

    fireEvent.change(passphrase(), { target: { value: 'lantern orchard tidal' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Restore this backup' }));
    await waitFor(() => expect(onRestored).toHaveBeenCalledOnce());
    expect(sent(calls, 'backups.restore')[1]).toEqual({
      method: 'backups.restore',
      input: { name: OLDER.name, passphrase: 'lantern orchard tidal' },
    });
  });
});
