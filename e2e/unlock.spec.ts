import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppServer, expect, test } from './fixtures/app';
import { AppShell } from './pages/app-shell';
import { DataPage } from './pages/data-page';
import { UnlockPage } from './pages/unlock-page';
import { WelcomePage } from './pages/welcome-page';

const PASSPHRASE = 'purple elephant marmalade 42';
const NEW_PASSPHRASE = 'orange giraffe porridge 77';
const SAMPLE_TITLE = 'BPF Gender and Access (sample)';
/** An unlock derives the key (scrypt, 128 MB) and starts the writer and two reader workers. */
const UNLOCK_MS = 60_000;

/**
 * Browser mode without INTERSESSION_PASSPHRASE_FILE: first run sets the passphrase (strength
 * hint, confirmation), a restart asks for it, a wrong one is refused; then back up and restore.
 */
test('first run sets a passphrase; a restart asks for it, refuses a wrong one; back up and restore', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'intersession-e2e-unlock-'));
  const dbFile = join(dir, 'intersession.db');
  const app = new AppServer(dbFile, null);
  try {
    await app.start();
    await app.open(page);
    const unlock = new UnlockPage(page);
    await expect(unlock.heading).toBeVisible();
    const passphrase = unlock.passphrase;
    const confirm = unlock.confirm;
    const setUp = unlock.setUpButton;

    await passphrase.fill('short');
    await expect(unlock.strength('too short')).toBeVisible();
    await setUp.click();
    await expect(page.getByText(/at least 10 characters long/)).toBeVisible();

    await passphrase.fill(PASSPHRASE);
    await expect(unlock.strength(/(good|strong)/)).toBeVisible();
    await confirm.fill(`${PASSPHRASE}!`);
    await setUp.click();
    await expect(page.getByText('The two passphrases are not the same.')).toBeVisible();

    await confirm.fill(PASSPHRASE);
    await setUp.click();
    const welcome = new WelcomePage(page);
    await expect(welcome.heading).toBeVisible({ timeout: UNLOCK_MS });
    await welcome.loadSample();
    const shell = new AppShell(page);
    await expect(shell.pageHeading).toHaveText(SAMPLE_TITLE);

    // The file on disk holds no participant name.
    await app.restart();
    expect(readFileSync(dbFile).includes(Buffer.from('Ana Lima'))).toBe(false);

    await app.open(page);
    await expect(unlock.heading).toBeVisible();
    await expect(unlock.confirm).toHaveCount(0);
    await unlock.unlock('not the right passphrase');
    await expect(unlock.wrongPassphrase).toBeVisible();
    await expect(welcome.heading).toHaveCount(0);

    await unlock.unlock(PASSPHRASE);
    await expect(shell.pageHeading).toHaveText(SAMPLE_TITLE, { timeout: UNLOCK_MS });

    // Back up, change something, restore: the change is gone.
    const data = new DataPage(page);
    await data.open();
    await data.backUpNow.click();
    await expect(data.lastBackup).toBeVisible();
    await shell.createForum({ title: 'Forum made after the backup', year: 2026 });
    await expect(shell.forumOptions).toHaveCount(2);
    await shell.area('Overview').click();
    await data.open();
    await data.restoreButton.click();
    await expect(data.backupsTable).toBeVisible();
    await expect(data.restoreDialog.getByRole('row')).toHaveCount(2);
    await data.restoreBackupButtons.click();
    await data.restoreThisBackupButton.click();
    // The app reloads on the restored file (the backend reopens it and starts its readers again):
    // the forum made after the backup is gone.
    await expect(shell.forumOptions).toHaveCount(1, { timeout: UNLOCK_MS });
    await expect(shell.forumOptions).toHaveText(`${SAMPLE_TITLE} (2026)`);

    // Change the passphrase; the backups made before it now ask for the old one.
    await data.open();
    await data.changePassphrase(PASSPHRASE, NEW_PASSPHRASE);
    await shell.createForum({ title: 'Forum made after the change', year: 2027 });
    await expect(shell.forumOptions).toHaveCount(2);
    await data.open();
    // Oldest backup: the first one, with the sample forum only.
    await data.restoreButton.click();
    // (The daily backup may have added one since; every backup so far was made before the change.)
    const oldest = data.backupsTable.getByRole('row').last();
    await expect(oldest.getByRole('cell', { name: 'Older passphrase' })).toBeVisible();
    await oldest.getByRole('button', { name: /^Restore the backup of/ }).click();
    const backupPassphrase = data.backupPassphrase;
    await backupPassphrase.fill('not the passphrase of that day');
    await data.restoreThisBackupButton.click();
    await expect(
      // Said beside the field and in the error summary: the summary's link is the one to find.
      data.restoreDialog.getByRole('link', {
        name: 'The passphrase of this backup is wrong; nothing was replaced.',
      }),
    ).toBeVisible({ timeout: UNLOCK_MS });
    await backupPassphrase.fill(PASSPHRASE);
    await data.restoreThisBackupButton.click();
    await expect(shell.forumOptions).toHaveCount(1, { timeout: UNLOCK_MS });
    await expect(shell.forumOptions).toHaveText(`${SAMPLE_TITLE} (2026)`);

    // After a restart the restored file opens with the CURRENT passphrase, not the old one.
    await app.restart();
    await app.open(page);
    await unlock.unlock(PASSPHRASE);
    await expect(unlock.wrongPassphrase).toBeVisible({ timeout: UNLOCK_MS });
    await unlock.unlock(NEW_PASSPHRASE);
    await expect(shell.pageHeading).toHaveText(SAMPLE_TITLE, { timeout: UNLOCK_MS });

    // The passphrase never appears in what the server printed.
    expect(app.log).not.toContain(NEW_PASSPHRASE);
    expect(app.log).not.toContain(PASSPHRASE);
    expect(app.log).not.toContain('not the right passphrase');
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
