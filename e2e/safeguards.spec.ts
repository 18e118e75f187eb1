import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures/app';
import { AppShell } from './pages/app-shell';
import { AuditLog } from './pages/audit-log';
import { expectNoSeriousA11yViolations } from './pages/axe';

/**
 * A coordinator protects a participant, previews the app as the public would see it, and exports
 * the public participant directory: the protected person's name and e-mail are nowhere.
 */
test('protecting a participant hides them from the public view and from the public CSV', async ({
  app,
  page,
}) => {
  await app.open(page);
  await page.getByRole('button', { name: 'Load sample forum' }).click();
  await page
    .getByRole('navigation', { name: 'Areas' })
    .getByRole('link', { name: 'Participants' })
    .click();
  const main = page.getByRole('main');
  await main.getByRole('searchbox', { name: 'Search participants' }).fill('Ana Beatriz');
  const row = main.getByRole('row').filter({ hasText: 'Ana Beatriz Lima' });
  await expect(row).toHaveCount(1);
  await row.click();

  const detail = page.getByRole('dialog', { name: 'Participant', exact: true });
  await detail.getByRole('button', { name: 'Protect participant' }).click();
  const protect = page.getByRole('dialog', { name: 'Protect participant' });
  await protect.getByLabel('Reason').fill('Named in threats on the mailing list');
  await protect.getByRole('button', { name: 'Protect participant' }).click();
  await expect(protect).toBeHidden();

  // The coordinator still sees the real details, marked as protected.
  await expect(
    detail.getByText(/Protected · shown to others as Participant [A-Z2-9]+/),
  ).toBeVisible();
  const marker = await detail.getByText(/shown to others as/).textContent();
  const pseudonym = /Participant [A-Z2-9]+/.exec(marker ?? '')![0];
  await page.keyboard.press('Escape');

  // Preview as public: only the pseudonym, in the list and on the participant's page.
  await page.getByLabel('Preview as public').check();
  await expect(page.getByText('Previewing as public')).toBeVisible();
  const search = main.getByRole('searchbox', { name: 'Search participants' });
  await search.fill('Ana Beatriz');
  await expect(main.getByRole('status').filter({ hasText: /participants?$/ })).toHaveText(
    '0 participants',
  );
  await search.fill(pseudonym);
  const publicRow = main.getByRole('row').filter({ hasText: pseudonym });
  await expect(publicRow).toHaveCount(1);
  await expect(main.getByText('Ana Beatriz Lima')).toHaveCount(0);
  await expect(publicRow).not.toContainText('Conecta');
  await publicRow.click();
  await expect(detail.getByRole('heading', { name: pseudonym })).toBeVisible();
  await expect(detail).not.toContainText('Ana Beatriz');
  await expect(detail).not.toContainText('ana.lima@');
  await expect(detail.getByRole('button', { name: 'Edit participant' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.getByLabel('Preview as public').uncheck();

  // Export the public directory as CSV, after seeing the redaction preview.
  await main.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export participant directory' });
  await dialog.getByLabel('Audience').selectOption('public');
  await dialog.getByLabel('Format').selectOption('csv');
  await expect(dialog.getByText(/\d+ items? redacted/)).toBeVisible();
  await expect(dialog.getByText(pseudonym, { exact: true })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save file' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/participant-directory-public-.*\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain(pseudonym);
  expect(csv).not.toContain('Ana Beatriz');
  expect(csv).not.toContain('ana.lima@conecta-mulheres.example');
  expect(csv).toContain('Abebe Tesfaye');
});

test('the audit log says what was done in words, names who did it, and links to the participant', async ({
  app,
  page,
}) => {
  await app.open(page);
  const shell = new AppShell(page);
  await page.getByRole('button', { name: 'Load sample forum' }).click();
  await shell.goTo('Participants');
  const main = page.getByRole('main');
  await main.getByRole('searchbox', { name: 'Search participants' }).fill('Ana Beatriz');
  await main.getByRole('row').filter({ hasText: 'Ana Beatriz Lima' }).click();
  const detail = page.getByRole('dialog', { name: 'Participant', exact: true });
  await detail.getByRole('button', { name: 'Protect participant' }).click();
  const protect = page.getByRole('dialog', { name: 'Protect participant' });
  await protect.getByLabel('Reason').fill('Named in threats on the mailing list');
  await protect.getByRole('button', { name: 'Protect participant' }).click();
  await expect(protect).toBeHidden();
  const participantRoute = shell.route();
  await page.keyboard.press('Escape');

  await shell.goTo('Safeguards');
  const log = new AuditLog(page);
  await log.tab.click();
  // A protected person is named in the log by their pseudonym.
  const row = log.entry(/Protected Participant [A-Z2-9]+/).first();
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell').nth(1)).toHaveText('Coordinator');
  await expect(row).not.toContainText('participant.protect');
  // Scoped to the tab: the "protected" toast still on screen has its own findings (see report).
  await expectNoSeriousA11yViolations(page, 'the audit log', '[role="tabpanel"]');
  await row.getByRole('link', { name: 'Open the participant' }).click();
  expect(shell.route()).toBe(participantRoute);
  await expect(
    page
      .getByRole('dialog', { name: 'Participant', exact: true })
      .getByText('Ana Beatriz Lima')
      .first(),
  ).toBeVisible();
});
