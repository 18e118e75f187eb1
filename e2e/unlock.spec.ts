import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppServer, expect, test } from './fixtures/app';
import { AppShell } from './pages/app-shell';
import { DataPage } from './pages/data-page';
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
    await expect(page.getByRole('heading', { name: 'Unlock Intersession' })).toBeVisible();
    const passphrase = page.getByLabel('Passphrase', { exact: true });
    const confirm = page.getByLabel('Confirm passphrase');
    const setUp = page.getByRole('button', { name: 'Set passphrase and unlock' });

    await passphrase.fill('short');
    await expect(page.getByText('Strength: too short')).toBeVisible();
    await setUp.click();
    await expect(page.getByText(/at least 10 characters long/)).toBeVisible();

    await passphrase.fill(PASSPHRASE);
    await expect(page.getByText(/Strength: (good|strong)/)).toBeVisible();
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
    await expect(page.getByRole('heading', { name: 'Unlock Intersession' })).toBeVisible();
    await expect(page.getByLabel('Confirm passphrase')).toHaveCount(0);
    await page.getByLabel('Passphrase', { exact: true }).fill('not the right passphrase');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByText('Wrong passphrase')).toBeVisible();
    await expect(welcome.heading).toHaveCount(0);

    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(shell.pageHeading).toHaveText(SAMPLE_TITLE, { timeout: UNLOCK_MS });

    // Back up, change something, restore: the change is gone.
    await page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('link', { name: 'Data' })
      .click();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(page.getByText(/Last backup:/)).toBeVisible();
    await shell.createForum({ title: 'Forum made after the backup', year: 2026 });
    await expect(shell.forumSelect.locator('option')).toHaveCount(2);
    await shell.area('Overview').click();
    await page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('link', { name: 'Data' })
      .click();
    await page.getByRole('button', { name: 'Restore from backup' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
    await expect(dialog.getByRole('table', { name: 'Backups' })).toBeVisible();
    await expect(dialog.getByRole('row')).toHaveCount(2);
    await dialog.getByRole('button', { name: /^Restore the backup of/ }).click();
    await dialog.getByRole('button', { name: 'Restore this backup' }).click();
    // The app reloads on the restored file (the backend reopens it and starts its readers again):
    // the forum made after the backup is gone.
    await expect(shell.forumSelect.locator('option')).toHaveCount(1, { timeout: UNLOCK_MS });
    await expect(shell.forumSelect.locator('option')).toHaveText(`${SAMPLE_TITLE} (2026)`);

    // Change the passphrase; the backups made before it now ask for the old one.
    const data = new DataPage(page);
    await data.open();
    await data.changePassphrase(PASSPHRASE, NEW_PASSPHRASE);
    await shell.createForum({ title: 'Forum made after the change', year: 2027 });
    await expect(shell.forumSelect.locator('option')).toHaveCount(2);
    await data.open();
    // Oldest backup: the first one, with the sample forum only.
    await data.restoreButton.click();
    // (The daily backup may have added one since; every backup so far was made before the change.)
    const oldest = data.backupsTable.getByRole('row').last();
    await expect(oldest.getByRole('cell', { name: 'Older passphrase' })).toBeVisible();
    await oldest.getByRole('button', { name: /^Restore the backup of/ }).click();
    const backupPassphrase = data.restoreDialog.getByLabel('Passphrase of this backup');
    await backupPassphrase.fill('not the passphrase of that day');
    await data.restoreDialog.getByRole('button', { name: 'Restore this backup' }).click();
    await expect(
      // Said beside the field and in the error summary: the summary's link is the one to find.
      data.restoreDialog.getByRole('link', {
        name: 'The passphrase of this backup is wrong; nothing was replaced.',
      }),
    ).toBeVisible({ timeout: UNLOCK_MS });
    await backupPassphrase.fill(PASSPHRASE);
    await data.restoreDialog.getByRole('button', { name: 'Restore this backup' }).click();
    await expect(shell.forumSelect.locator('option')).toHaveCount(1, { timeout: UNLOCK_MS });
    await expect(shell.forumSelect.locator('option')).toHaveText(`${SAMPLE_TITLE} (2026)`);

    // After a restart the restored file opens with the CURRENT passphrase, not the old one.
    await app.restart();
    await app.open(page);
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByText('Wrong passphrase')).toBeVisible({ timeout: UNLOCK_MS });
    await page.getByLabel('Passphrase', { exact: true }).fill(NEW_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
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
